package io.microcent.invoicing.write.stripeinvoiceevent;

import io.microcent.invoicing.write.invoice.InvoiceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A verified Stripe webhook about one of our invoices, as a command to its invoice aggregate. The aggregate
 * decides whether it moves the invoice: events arrive late and twice, so one that would undo a later state
 * (a {@code payment_failed} after {@code paid}) changes nothing.
 *
 * @param stripeEventId Stripe's {@code evt_…} id, kept on the resulting event
 * @param occurredAt    Stripe's {@code created} time of the event
 */
public record RecordStripeInvoiceEvent(InvoiceId invoice, StripeInvoiceOutcome outcome,
                                       String stripeEventId, Instant occurredAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return invoice.aggregateId();
    }
}
