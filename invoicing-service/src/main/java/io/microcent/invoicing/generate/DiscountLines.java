package io.microcent.invoicing.generate;

import io.microcent.model.money.Microcents;
import io.microcent.model.plan.Plan;
import io.microcent.model.usage.BillingPeriod;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The discount lines of an invoice, from the coupons redeemed on the subscription.
 *
 * <p>Coupons take from what is left of the discountable subtotal (this invoice's new base fee, proration and
 * usage lines; adjustments of earlier periods are not discounted again) in one order: every percent-off
 * coupon first, then every amount-off coupon, each group in redemption order. Two 10 % coupons therefore
 * take 19 %, and an amount-off coupon takes from what the percentages left. What is left never goes below
 * zero, nor below zero for the whole invoice: a discount never makes an invoice negative, and an amount-off
 * coupon larger than the invoice takes only the invoice (the rest is not carried over). A redemption with a
 * minimum (a promotion code's) applies only when the discountable subtotal, before any discount, reaches it.
 */
final class DiscountLines {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DiscountLines() {
    }

    static List<InvoiceLine> owed(BillingPeriod period, Plan plan, BillingInterval interval,
                                  List<Redemption> redemptions, List<InvoiceLine> lines, Billed billed) {
        Microcents discountable = InvoiceLine.total(lines.stream().filter(line -> line.kind().isDiscountable()).toList());
        Microcents left = Microcents.max(Microcents.ZERO, Microcents.min(discountable, InvoiceLine.total(lines)));
        List<InvoiceLine> discounts = new ArrayList<>();
        for (Redemption redemption : inOrder(redemptions)) {
            if (!applies(redemption, period, plan, interval, billed) || !redemption.reachedBy(discountable)) {
                continue;
            }
            Microcents off = switch (redemption.coupon().value()) {
                case Coupon.PercentOff(BigDecimal percent) ->
                        Microcents.round(BigDecimal.valueOf(left.value()).multiply(percent).divide(HUNDRED));
                case Coupon.AmountOff(Microcents amount) -> Microcents.min(amount, left);
            };
            if (off.isZero()) {
                continue;
            }
            left = left.minus(off);
            discounts.add(new InvoiceLine(LineKind.DISCOUNT, "Coupon " + redemption.coupon().id() + ": "
                    + describe(redemption.coupon().value()), 1, Optional.empty(),
                    Microcents.ZERO.minus(off), BilledItem.discount(redemption.id(), period)));
        }
        return discounts;
    }

    private static boolean applies(Redemption redemption, BillingPeriod period, Plan plan, BillingInterval interval,
                                   Billed billed) {
        return redemption.covers(period)
                && redemption.coupon().appliesTo(plan.id(), interval)
                && !(redemption.coupon().duration() instanceof Coupon.Once && billed.hasDiscountOf(redemption.id()));
    }

    /** Percent-off first, then amount-off; each in redemption order (the list's order for equal times). */
    private static List<Redemption> inOrder(List<Redemption> redemptions) {
        return redemptions.stream()
                .sorted(Comparator.comparing((Redemption r) -> r.coupon().value() instanceof Coupon.AmountOff)
                        .thenComparing(Redemption::redeemedAt))
                .toList();
    }

    private static String describe(Coupon.Value value) {
        return switch (value) {
            case Coupon.PercentOff(BigDecimal percent) -> percent.stripTrailingZeros().toPlainString() + "% off";
            case Coupon.AmountOff(Microcents amount) -> amount.toDisplayDollars() + " off";
        };
    }
}
