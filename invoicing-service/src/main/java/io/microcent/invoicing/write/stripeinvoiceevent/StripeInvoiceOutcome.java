package io.microcent.invoicing.write.stripeinvoiceevent;

/** What a Stripe webhook says happened to the Stripe invoice of one of our invoices. */
public enum StripeInvoiceOutcome {
    /** {@code invoice.paid} */
    PAID,
    /** {@code invoice.payment_failed} */
    PAYMENT_FAILED,
    /** {@code invoice.voided} */
    VOIDED,
    /** {@code invoice.marked_uncollectible} */
    MARKED_UNCOLLECTIBLE
}
