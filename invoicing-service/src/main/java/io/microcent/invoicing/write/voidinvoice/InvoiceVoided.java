package io.microcent.invoicing.write.voidinvoice;

import io.microcent.invoicing.write.invoice.InvoiceEvent;
import io.microcent.invoicing.write.invoice.InvoiceId;

import java.time.Instant;

/**
 * The invoice is void: it bills nothing, so its period is invoiced again.
 *
 * @param by            {@code operator}, or {@code stripe} when a webhook said so
 * @param stripeEventId the webhook's event id, or {@code null}
 */
public record InvoiceVoided(InvoiceId invoice, Instant voidedAt, String by, String stripeEventId) implements InvoiceEvent {

    public static final String BY_OPERATOR = "operator";
    public static final String BY_STRIPE = "stripe";
}
