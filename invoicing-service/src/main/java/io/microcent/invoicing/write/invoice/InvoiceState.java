package io.microcent.invoicing.write.invoice;

import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;

/**
 * What the invoice decisions need, rebuilt from the invoice's events.
 *
 * @param lines the draft's current lines (to tell a refresh that changes nothing); {@code null} before the draft
 */
public record InvoiceState(boolean exists, CustomerId customer, BillingPeriod period, InvoiceStatus status,
                           java.util.List<InvoiceLineData> lines) {

    public static final InvoiceState NONE = new InvoiceState(false, null, null, null, null);

    public InvoiceState withStatus(InvoiceStatus next) {
        return new InvoiceState(exists, customer, period, next, lines);
    }

    public InvoiceState withLines(java.util.List<InvoiceLineData> next) {
        return new InvoiceState(exists, customer, period, status, next);
    }
}
