package io.microcent.invoicing.stripe;

import io.microcent.invoicing.write.finalizeinvoice.InvoiceFinalized;
import io.microcent.invoicing.write.invoice.InvoiceLineData;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.time.Clock;

/**
 * Puts every finalized invoice in the Stripe outbox ({@code stripe_invoices}). It runs in a subscribing processor,
 * in the transaction that finalized the invoice, so an invoice is finalized if and only if its row exists; the sync
 * worker sends it later. Nothing to collect (amount due 0) is {@code not_required}; sync off is {@code off}.
 */
@ProcessingGroup(StripeOutbox.PROCESSING_GROUP)
final class StripeOutbox {

    static final String PROCESSING_GROUP = "stripe-outbox";

    private final StripeSyncRows rows;
    private final boolean syncEnabled;
    private final Clock clock;

    StripeOutbox(StripeSyncRows rows, boolean syncEnabled, Clock clock) {
        this.rows = rows;
        this.syncEnabled = syncEnabled;
        this.clock = clock;
    }

    @EventHandler
    void on(InvoiceFinalized event) {
        if (event.amountDueCents() == 0) {
            rows.insert(event, StripeSyncStatus.NOT_REQUIRED, null, clock.instant());
            return;
        }
        String inconsistency = LineSums.mismatch(event.lines().stream().map(InvoiceLineData::amountCents).toList(), event.amountDueCents());
        if (inconsistency != null) { // never sent: Stripe would collect another amount than the invoice says
            rows.insert(event, StripeSyncStatus.FAILED, inconsistency, clock.instant());
            return;
        }
        rows.insert(event, syncEnabled ? StripeSyncStatus.PENDING : StripeSyncStatus.OFF, null, clock.instant());
    }
}
