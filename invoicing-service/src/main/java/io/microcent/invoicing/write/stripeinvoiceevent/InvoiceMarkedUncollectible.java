package io.microcent.invoicing.write.stripeinvoiceevent;

import io.microcent.invoicing.write.invoice.InvoiceEvent;
import io.microcent.invoicing.write.invoice.InvoiceId;

import java.time.Instant;

/** Stripe gave up collecting the invoice; a payment can still arrive and make it paid. */
public record InvoiceMarkedUncollectible(InvoiceId invoice, Instant markedAt, String stripeEventId) implements InvoiceEvent {
}
