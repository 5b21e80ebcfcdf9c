package io.microcent.invoicing.generate;

import io.microcent.model.money.Cents;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an invoice's exact lines into cents, once: each line is rounded by {@link Cents#roundedFrom} (the one
 * rule, half-even) and every total is a sum of rounded lines, so the lines a customer reads add up to the
 * amount due to the cent. Rounding the exact total instead can differ from that sum by a cent per few lines.
 *
 * <p>The discount cap is kept in cents too: discounts that equal the subtotal in microcents can round to a
 * cent more than the separately rounded lines they cancel (three lines of 0.5¢ round to 0¢ each, a discount
 * of 1.5¢ to 2¢). Then the discount lines give back the excess, the last one first, so a discount never makes
 * an invoice negative after rounding either. The exact amounts stay on the lines.
 */
public final class InvoiceFinalizer {

    private InvoiceFinalizer() {
    }

    public static FinalizedInvoice finalize(List<InvoiceLine> lines) {
        List<RoundedLine> rounded = new ArrayList<>();
        Cents subtotal = Cents.ZERO;
        Cents discount = Cents.ZERO;
        for (InvoiceLine line : lines) {
            Cents cents = Cents.roundedFrom(line.amountMicrocents());
            rounded.add(new RoundedLine(line, cents));
            if (line.kind() == LineKind.DISCOUNT) {
                discount = discount.minus(cents);
            } else {
                subtotal = subtotal.plus(cents);
            }
        }
        Cents excess = discount.minus(Cents.max(Cents.ZERO, subtotal));
        for (int i = rounded.size() - 1; i >= 0 && excess.compareTo(Cents.ZERO) > 0; i--) {
            RoundedLine line = rounded.get(i);
            if (line.line().kind() == LineKind.DISCOUNT) {
                Cents back = Cents.min(excess, line.amountCents().negate());
                rounded.set(i, new RoundedLine(line.line(), line.amountCents().plus(back)));
                discount = discount.minus(back);
                excess = excess.minus(back);
            }
        }
        Cents total = subtotal.minus(discount);
        return new FinalizedInvoice(rounded, subtotal, discount, total,
                Cents.max(Cents.ZERO, total), Cents.max(Cents.ZERO, total.negate()));
    }
}
