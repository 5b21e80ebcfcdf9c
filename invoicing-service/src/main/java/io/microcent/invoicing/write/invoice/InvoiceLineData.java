package io.microcent.invoicing.write.invoice;

import java.util.Objects;

/**
 * An invoice line as events store it: plain values, so the stored form does not depend on the generator's
 * types.
 *
 * @param kind             {@code base_fee}, {@code usage}, {@code proration}, {@code discount} or {@code adjustment}
 * @param unitPrice        exact decimal dollars per unit, or {@code null} where the charge has no single price
 * @param amountMicrocents the exact amount, kept after finalization
 * @param amountCents      the amount rounded once to cents; {@code null} on a draft
 * @param item             what the line bills, for re-generation (the generator's {@code BilledItem})
 */
public record InvoiceLineData(String kind, String description, long quantity, String unitPrice,
                              long amountMicrocents, Long amountCents, String item) {

    public InvoiceLineData {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(item, "item");
    }
}
