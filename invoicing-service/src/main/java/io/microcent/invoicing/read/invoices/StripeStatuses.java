package io.microcent.invoicing.read.invoices;

import io.microcent.invoicing.write.invoice.InvoiceId;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Where an invoice stands in Stripe, for the invoice views; kept by the Stripe sync. */
@FunctionalInterface
public interface StripeStatuses {

    /**
     * @param invoiceId Stripe's {@code in_…} id, {@code null} until created
     * @param status    {@code off}, {@code pending}, {@code synced}, {@code failed} or {@code not_required}
     */
    record StripeStatus(String invoiceId, String status, String lastError, Long totalCents) {
    }

    StripeStatus of(InvoiceId invoice);

    /** Each one's status; an implementation answers a list (a page, a month's reconciliation) with one lookup. */
    default Map<InvoiceId, StripeStatus> ofAll(Collection<InvoiceId> invoices) {
        Map<InvoiceId, StripeStatus> statuses = new HashMap<>();
        invoices.forEach(invoice -> statuses.put(invoice, of(invoice)));
        return statuses;
    }

    /** Stripe sync is off: every invoice says so. */
    static StripeStatuses off() {
        return invoice -> new StripeStatus(null, "off", null, null);
    }
}
