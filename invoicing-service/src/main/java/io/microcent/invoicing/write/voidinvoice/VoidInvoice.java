package io.microcent.invoicing.write.voidinvoice;

import io.microcent.invoicing.write.invoice.InvoiceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An operator voids an invoice; the period is then invoiced again under the next revision. */
public record VoidInvoice(InvoiceId invoice, Instant at) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return invoice.aggregateId();
    }
}
