package io.microcent.invoicing.write.finalizeinvoice;

import io.microcent.invoicing.write.invoice.InvoiceEvent;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceLineData;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;

import java.time.Instant;
import java.util.List;

/**
 * An invoice was finalized: its lines, each with its amount in cents, never change again.
 *
 * @param lines          every line, {@link InvoiceLineData#amountCents()} set
 * @param amountDueCents Σ rounded lines, never negative; what Stripe is asked to collect
 * @param early          true when an operator finalized it before the period's late-usage grace ended
 */
public record InvoiceFinalized(InvoiceId invoice, CustomerId customer, BillingPeriod period, List<InvoiceLineData> lines,
                               long subtotalCents, long discountCents, long totalCents, long amountDueCents,
                               long creditCents, Instant finalizedAt, boolean early) implements InvoiceEvent {

    public InvoiceFinalized {
        lines = List.copyOf(lines);
    }
}
