package io.microcent.invoicing.write.finalizeinvoice;

import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceLineData;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Finalize a draft with the lines the generator makes from everything counted now, rounded to cents.
 *
 * <p>Period close may finalize an invoice it never drafted (the grace was over when it first looked): the
 * command then drafts it in the same step, so {@code customer}, {@code period} and {@code revision} name it.
 *
 * @param lines every line with {@link InvoiceLineData#amountCents()} set
 * @param early the period's late-usage grace has not ended yet (an operator's early finalize)
 */
public record FinalizeInvoice(InvoiceId invoice, CustomerId customer, BillingPeriod period,
                              int revision, List<InvoiceLineData> lines,
                              long subtotalCents, long discountCents, long totalCents, long amountDueCents,
                              long creditCents, Instant at, boolean early) {

    public FinalizeInvoice {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(at, "at");
        lines = List.copyOf(lines);
        if (lines.stream().anyMatch(line -> line.amountCents() == null)) {
            throw new IllegalArgumentException("every line of a finalized invoice has its amount in cents");
        }
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return invoice.aggregateId();
    }
}
