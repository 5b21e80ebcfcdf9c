package io.microcent.invoicing.read.invoices;

import io.microcent.invoicing.generate.Invoice;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceLineData;
import io.microcent.invoicing.write.invoice.InvoiceLines;
import io.microcent.invoicing.write.invoice.InvoiceStatus;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An invoice as the read model holds it. Cents are set once it is finalized.
 */
public record InvoiceRow(InvoiceId id, CustomerId customer, BillingPeriod period, int revision, InvoiceStatus status,
                         List<InvoiceLineData> lines, long subtotalMicrocents, long discountMicrocents,
                         long totalMicrocents, Long subtotalCents, Long discountCents, Long totalCents,
                         Long amountDueCents, Long creditCents, boolean early, Instant createdAt,
                         Optional<Instant> finalizedAt, Optional<Instant> paidAt, Optional<Instant> voidedAt) {

    public InvoiceRow {
        lines = List.copyOf(lines);
    }

    /** As the generator sees it; a void invoice bills nothing and is left out by the caller. */
    public Invoice toGenerator() {
        return new Invoice(period, status == InvoiceStatus.DRAFT ? Invoice.Status.DRAFT : Invoice.Status.FINALIZED,
                InvoiceLines.toGenerator(lines));
    }
}
