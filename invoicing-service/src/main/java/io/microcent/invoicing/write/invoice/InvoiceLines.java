package io.microcent.invoicing.write.invoice;

import io.microcent.invoicing.generate.BilledItem;
import io.microcent.invoicing.generate.FinalizedInvoice;
import io.microcent.invoicing.generate.InvoiceLine;
import io.microcent.invoicing.generate.LineKind;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The one translation between the generator's lines and the lines invoice events store. */
public final class InvoiceLines {

    private InvoiceLines() {
    }

    /** A draft's lines: exact amounts, no cents yet. */
    public static List<InvoiceLineData> draft(List<InvoiceLine> lines) {
        return lines.stream().map(line -> data(line, null)).toList();
    }

    /** A finalized invoice's lines, each with its amount rounded once to cents. */
    public static List<InvoiceLineData> finalized(FinalizedInvoice invoice) {
        return invoice.lines().stream().map(rounded -> data(rounded.line(), rounded.amountCents().value())).toList();
    }

    /** Back to the generator's lines (for re-generation against invoices already made). */
    public static List<InvoiceLine> toGenerator(List<InvoiceLineData> lines) {
        return lines.stream().map(InvoiceLines::line).toList();
    }

    private static InvoiceLineData data(InvoiceLine line, Long cents) {
        return new InvoiceLineData(line.kind().jsonName(), line.description(), line.quantity(),
                line.unitPrice().map(rate -> rate.dollarsPerUnit().toPlainString()).orElse(null),
                line.amountMicrocents().value(), cents, line.item().key());
    }

    private static InvoiceLine line(InvoiceLineData data) {
        return new InvoiceLine(LineKind.valueOf(data.kind().toUpperCase(Locale.ROOT)), data.description(), data.quantity(),
                Optional.ofNullable(data.unitPrice()).map(Rate::ofDollars), Microcents.of(data.amountMicrocents()),
                new BilledItem(data.item()));
    }

    /** Σ exact amounts of all lines; throws {@link ArithmeticException} on overflow. */
    public static long totalMicrocents(List<InvoiceLineData> lines) {
        long sum = 0;
        for (InvoiceLineData line : lines) {
            sum = Math.addExact(sum, line.amountMicrocents());
        }
        return sum;
    }

    /** What the discount lines take off, as a positive amount. */
    public static long discountMicrocents(List<InvoiceLineData> lines) {
        long sum = 0;
        for (InvoiceLineData line : lines) {
            if (LineKind.DISCOUNT.jsonName().equals(line.kind())) {
                sum = Math.subtractExact(sum, line.amountMicrocents());
            }
        }
        return sum;
    }

    /** Σ exact amounts of the lines other than discounts: {@code total + discount}. */
    public static long subtotalMicrocents(List<InvoiceLineData> lines) {
        return Math.addExact(totalMicrocents(lines), discountMicrocents(lines));
    }


}
