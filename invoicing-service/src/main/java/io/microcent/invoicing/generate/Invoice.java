package io.microcent.invoicing.generate;

import io.microcent.model.usage.BillingPeriod;

import java.util.List;
import java.util.Objects;

/**
 * An invoice already made for the subscription, as the generator needs to know it: the period it was made
 * for, whether it is final, and its lines (exact amounts).
 */
public record Invoice(BillingPeriod period, Status status, List<InvoiceLine> lines) {

    public Invoice {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
    }

    public static Invoice finalized(BillingPeriod period, List<InvoiceLine> lines) {
        return new Invoice(period, Status.FINALIZED, lines);
    }

    public enum Status {
        /** Still being put together: a new run of the generator replaces it, so its lines count for nothing. */
        DRAFT,
        /** Sent to the customer: what it billed is billed, and is never billed again. */
        FINALIZED
    }
}
