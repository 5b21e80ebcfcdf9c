package io.microcent.invoicing.write.stripeinvoiceevent;

import io.microcent.invoicing.write.invoice.InvoiceEvent;
import io.microcent.invoicing.write.invoice.InvoiceId;

import java.time.Instant;

/**
 * The invoice is paid.
 *
 * @param source the Stripe event id that said so, or {@value #ZERO_AMOUNT} for an invoice with nothing to pay
 */
public record InvoicePaid(InvoiceId invoice, Instant paidAt, String source) implements InvoiceEvent {

    public static final String ZERO_AMOUNT = "zero_amount";
}
