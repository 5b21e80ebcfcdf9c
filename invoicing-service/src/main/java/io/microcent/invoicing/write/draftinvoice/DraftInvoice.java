package io.microcent.invoicing.write.draftinvoice;

import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceLineData;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Create the draft of a customer's invoice for a period, or bring its lines up to date. Sent by period close
 * whenever the generator's lines differ from the draft's.
 *
 * @param lines exact lines from the generator, {@link InvoiceLineData#amountCents()} unset
 */
public record DraftInvoice(InvoiceId invoice, CustomerId customer, BillingPeriod period,
                           int revision, List<InvoiceLineData> lines, Instant at) {

    public DraftInvoice {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(at, "at");
        lines = List.copyOf(lines);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return invoice.aggregateId();
    }
}
