package io.microcent.invoicing.read.invoices;

import io.microcent.invoicing.generate.FinalizedInvoice;
import io.microcent.invoicing.generate.InvoiceFinalizer;
import io.microcent.invoicing.write.invoice.InvoiceLineData;
import io.microcent.invoicing.write.invoice.InvoiceLines;
import io.microcent.invoicing.write.invoice.InvoiceStatus;

import java.time.Instant;
import java.util.List;

/**
 * An invoice as the API shows it. Exact amounts are microcents; cents are each line rounded once
 * ({@link InvoiceFinalizer}) and the totals are sums of rounded lines. On a draft (and the upcoming invoice)
 * the cents are what finalizing now would give; on a final invoice they are what was finalized.
 */
public record InvoiceView(String id, String customer, String period, int revision, String status, String currency,
                          List<Line> lines, long subtotalMicrocents, long discountMicrocents, long totalMicrocents,
                          long subtotalCents, long discountCents, long totalCents, long amountDueCents, long creditCents,
                          boolean early, Instant createdAt, Instant finalizedAt, Instant paidAt, Instant voidedAt,
                          StripeStatuses.StripeStatus stripe) {

    public static final String CURRENCY = "usd";

    /** @param unitPrice exact dollars per unit, or {@code null} */
    public record Line(String kind, String description, long quantity, String unitPrice, long amountMicrocents,
                       long amountCents) {
    }

    public static InvoiceView of(InvoiceRow row, StripeStatuses.StripeStatus stripe) {
        if (row.status() == InvoiceStatus.DRAFT || row.finalizedAt().isEmpty()) {
            // a draft, or a draft that was voided: no cents were ever fixed, so they are what finalizing would give
            return preview(row.id().raw(), row.customer().raw(), row.period().toString(), row.revision(),
                    row.status().jsonName(), row.lines(), row.createdAt(), row.voidedAt().orElse(null), stripe);
        }
        List<Line> lines = row.lines().stream().map(line -> line(line, line.amountCents())).toList();
        return new InvoiceView(row.id().raw(), row.customer().raw(), row.period().toString(), row.revision(),
                row.status().jsonName(), CURRENCY, lines, row.subtotalMicrocents(), row.discountMicrocents(),
                row.totalMicrocents(), row.subtotalCents(), row.discountCents(), row.totalCents(), row.amountDueCents(),
                row.creditCents(), row.early(), row.createdAt(), row.finalizedAt().orElse(null),
                row.paidAt().orElse(null), row.voidedAt().orElse(null), stripe);
    }

    /** Exact lines not finalized (a draft, or the upcoming invoice), with the cents finalizing them now would give. */
    public static InvoiceView preview(String id, String customer, String period, int revision, String status,
                                      List<InvoiceLineData> exact, Instant createdAt, StripeStatuses.StripeStatus stripe) {
        return preview(id, customer, period, revision, status, exact, createdAt, null, stripe);
    }

    private static InvoiceView preview(String id, String customer, String period, int revision, String status,
                                       List<InvoiceLineData> exact, Instant createdAt, Instant voidedAt,
                                       StripeStatuses.StripeStatus stripe) {
        FinalizedInvoice rounded = InvoiceFinalizer.finalize(InvoiceLines.toGenerator(exact));
        List<InvoiceLineData> withCents = InvoiceLines.finalized(rounded);
        List<Line> lines = withCents.stream().map(line -> line(line, line.amountCents())).toList();
        return new InvoiceView(id, customer, period, revision, status, CURRENCY, lines,
                InvoiceLines.subtotalMicrocents(exact), InvoiceLines.discountMicrocents(exact),
                InvoiceLines.totalMicrocents(exact), rounded.subtotalCents().value(), rounded.discountCents().value(),
                rounded.totalCents().value(), rounded.amountDueCents().value(), rounded.creditCents().value(), false,
                createdAt, null, null, voidedAt, stripe);
    }

    private static Line line(InvoiceLineData line, Long cents) {
        return new Line(line.kind(), line.description(), line.quantity(), line.unitPrice(), line.amountMicrocents(),
                cents == null ? 0 : cents);
    }
}
