package io.microcent.invoicing.stripe;

import io.microcent.invoicing.write.invoice.InvoiceId;

import java.time.Instant;

/**
 * One invoice's Stripe sync, as the invoice API shows it.
 *
 * @param stripeInvoiceId  Stripe's {@code in_…} id once created, else {@code null}
 * @param lastError        why the latest pass failed, in our words, or {@code null}
 * @param stripeTotalCents Stripe's {@code total} of the finalized Stripe invoice, or {@code null} until synced
 * @param nextAttemptAt    when a pending invoice's next pass is due, else {@code null}
 */
public record StripeSyncView(InvoiceId invoice, StripeSyncStatus status, String stripeInvoiceId, String lastError,
                             Long stripeTotalCents, int attempts, Instant nextAttemptAt) {
}
