package io.microcent.invoicing.write.invoice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An invoice's id: {@code in_} and a name-based UUID of (customer, period, revision). It is derived, never
 * drawn, so every instance closing the same period names the same invoice, and Axon's event store (one
 * first event per aggregate) lets only one of them create it. Revision 0 is the period's invoice; a void
 * and reissue takes the next revision.
 */
public record InvoiceId(@JsonValue String raw) {

    private static final Pattern FORM = Pattern.compile("in_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public InvoiceId {
        Objects.requireNonNull(raw, "raw");
        if (!FORM.matcher(raw).matches()) {
            throw new IllegalArgumentException("an invoice id is in_ followed by a UUID");
        }
    }

    @JsonCreator
    public static InvoiceId of(String raw) {
        return new InvoiceId(raw);
    }

    /** Whether {@code text} has an invoice id's form (for path parameters). */
    public static boolean isWellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    public static InvoiceId of(CustomerId customer, BillingPeriod period, int revision) {
        if (revision < 0) {
            throw new IllegalArgumentException("a revision is not negative");
        }
        String name = "microcent-invoice\u0000" + customer.raw() + "\u0000" + period + "\u0000" + revision;
        return new InvoiceId("in_" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The id of the invoice's stream in the event store. Axon has one id space for every aggregate and an
     * {@code in_…} text is also a valid customer id, so the prefix keeps a customer from ever sharing (or
     * blocking) an invoice's stream; no customer id contains {@code /}.
     */
    public String aggregateId() {
        return "invoice/" + raw;
    }

    @Override
    public String toString() {
        return raw;
    }
}
