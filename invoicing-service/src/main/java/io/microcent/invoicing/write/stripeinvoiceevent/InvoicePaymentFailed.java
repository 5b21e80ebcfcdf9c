package io.microcent.invoicing.write.stripeinvoiceevent;

import io.microcent.invoicing.write.invoice.InvoiceEvent;
import io.microcent.invoicing.write.invoice.InvoiceId;

import java.time.Instant;

/** Stripe could not collect the invoice (it may retry, and a later payment makes it paid). */
public record InvoicePaymentFailed(InvoiceId invoice, Instant failedAt, String stripeEventId) implements InvoiceEvent {
}
