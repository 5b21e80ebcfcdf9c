package io.microcent.invoicing.automation;

import io.microcent.invoicing.read.invoices.InvoiceRepository;
import io.microcent.invoicing.read.invoices.InvoiceRow;
import io.microcent.invoicing.read.invoices.InvoicesProjection;
import io.microcent.invoicing.write.finalizeinvoice.InvoiceFinalized;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceStatus;
import io.microcent.invoicing.write.stripeinvoiceevent.InvoiceMarkedUncollectible;
import io.microcent.invoicing.write.stripeinvoiceevent.InvoicePaid;
import io.microcent.invoicing.write.stripeinvoiceevent.InvoicePaymentFailed;
import io.microcent.invoicing.write.voidinvoice.InvoiceVoided;
import io.microcent.model.invoice.InvoiceNotification;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.time.Instant;

/**
 * When an invoice is finalized, paid, fails a payment, is voided or marked uncollectible, publishes an
 * {@link InvoiceNotification} on {@code invoice.events}, where caps' webhook delivery picks it up, and waits for
 * Kafka's acknowledgement.
 *
 * <p>It runs in a subscribing processor, inside the deciding command and before its transaction commits (as
 * {@link WhenPlanDecidedThenPublishIt} does): if Kafka does not acknowledge, the command fails and nothing is
 * stored, so the transition is tried again with its notification (period close at its next run; Stripe, answered
 * 5xx, redelivers its webhook; an operator retries the 503). The other way round (published, then the commit
 * fails) sends a notification the retry sends again with the same id, which delivery queues once.
 *
 * <p>Only {@link InvoiceFinalized} carries the customer, period and amounts. For the later transitions they are
 * read from the invoice's row, on the command's transaction, rather than kept here: the row is already the one
 * place that holds them, and a copy here would need a table of its own and a replay to fill it. This handler is in
 * {@code InvoicesProjection}'s processing group, registered after it, so each event reaches the projection first
 * and the row is as that event left it (as caps' publication reads its read model); in a processor of its own it
 * could see the row before the command's first event, e.g. a zero-amount invoice paid before its finalization
 * was written. The {@code status} sent is the transition's, not the row's: after a
 * zero-amount invoice's finalization, the row already says {@code paid}.
 *
 * <p>A draft that is voided is not announced: it never billed anything, and Stripe announces voids of finalized
 * invoices only.
 */
@ProcessingGroup(InvoicesProjection.PROCESSING_GROUP)
public final class WhenInvoiceChangesThenNotify {

    private final InvoiceNotifier notifier;
    private final InvoiceRepository invoices;

    /** @param invoices reads on the deciding command's transaction */
    public WhenInvoiceChangesThenNotify(InvoiceNotifier notifier, InvoiceRepository invoices) {
        this.notifier = notifier;
        this.invoices = invoices;
    }

    @EventHandler
    void on(InvoiceFinalized event) {
        notifier.publish(InvoiceNotification.of(InvoiceNotification.FINALIZED, event.invoice().raw(), event.customer(),
                event.period(), InvoiceStatus.FINALIZED.jsonName(), event.amountDueCents(), event.totalCents(),
                event.finalizedAt()));
    }

    @EventHandler
    void on(InvoicePaid event) {
        fromRow(InvoiceNotification.PAID, event.invoice(), InvoiceStatus.PAID, event.paidAt());
    }

    @EventHandler
    void on(InvoicePaymentFailed event) {
        fromRow(InvoiceNotification.PAYMENT_FAILED, event.invoice(), InvoiceStatus.PAYMENT_FAILED, event.failedAt());
    }

    @EventHandler
    void on(InvoiceMarkedUncollectible event) {
        fromRow(InvoiceNotification.MARKED_UNCOLLECTIBLE, event.invoice(), InvoiceStatus.UNCOLLECTIBLE, event.markedAt());
    }

    @EventHandler
    void on(InvoiceVoided event) {
        fromRow(InvoiceNotification.VOIDED, event.invoice(), InvoiceStatus.VOID, event.voidedAt());
    }

    private void fromRow(String type, InvoiceId id, InvoiceStatus status, Instant at) {
        InvoiceRow row = invoices.find(id)
                .orElseThrow(() -> new IllegalStateException("invoice " + id + " changed but has no row"));
        if (row.finalizedAt().isEmpty()) {
            return; // a voided draft: nothing was ever billed
        }
        if (row.amountDueCents() == null || row.totalCents() == null) {
            throw new IllegalStateException("finalized invoice " + id + " has no amounts in its row");
        }
        notifier.publish(InvoiceNotification.of(type, id.raw(), row.customer(), row.period(), status.jsonName(),
                row.amountDueCents(), row.totalCents(), at));
    }
}
