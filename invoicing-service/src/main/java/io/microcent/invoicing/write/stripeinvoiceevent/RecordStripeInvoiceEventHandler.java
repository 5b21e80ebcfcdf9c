package io.microcent.invoicing.write.stripeinvoiceevent;

import io.microcent.invoicing.write.invoice.InvoiceEvent;
import io.microcent.invoicing.write.invoice.InvoiceNotFound;
import io.microcent.invoicing.write.invoice.InvoiceState;
import io.microcent.invoicing.write.invoice.InvoiceStatus;
import io.microcent.invoicing.write.voidinvoice.InvoiceVoided;

import java.util.List;

/**
 * Applies what Stripe says, order-safe: webhooks arrive late, twice and out of order, so only moves forward
 * are taken. {@code paid} and {@code void} are final; a failed or uncollectible invoice can still be paid;
 * a {@code payment_failed} after {@code paid} (or a repeat of the current status) changes nothing.
 */
public final class RecordStripeInvoiceEventHandler {

    public List<InvoiceEvent> decide(RecordStripeInvoiceEvent command, InvoiceState state) {
        if (!state.exists()) {
            throw new InvoiceNotFound(command.invoice());
        }
        InvoiceStatus now = state.status();
        if (now == InvoiceStatus.DRAFT || now == InvoiceStatus.PAID || now == InvoiceStatus.VOID) {
            return List.of(); // Stripe only knows final invoices; paid and void are the end
        }
        return switch (command.outcome()) {
            case PAID -> List.of(new InvoicePaid(command.invoice(), command.occurredAt(), command.stripeEventId()));
            case PAYMENT_FAILED -> now == InvoiceStatus.FINALIZED
                    ? List.of(new InvoicePaymentFailed(command.invoice(), command.occurredAt(), command.stripeEventId()))
                    : List.of();
            case MARKED_UNCOLLECTIBLE -> now == InvoiceStatus.UNCOLLECTIBLE ? List.of()
                    : List.of(new InvoiceMarkedUncollectible(command.invoice(), command.occurredAt(), command.stripeEventId()));
            case VOIDED -> List.of(new InvoiceVoided(command.invoice(), command.occurredAt(), InvoiceVoided.BY_STRIPE,
                    command.stripeEventId()));
        };
    }
}
