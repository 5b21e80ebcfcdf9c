package io.microcent.invoicing.read.coupons;

import io.microcent.invoicing.write.coupon.CouponTerms;
import io.microcent.model.id.PlanId;

import java.util.List;
import java.util.Locale;

/**
 * A coupon's value, duration and restrictions as the API shows them, on a coupon and on each redemption.
 * {@code percentOff} is exact decimal text ({@code "12.5"}), so no client reads it as a binary double.
 */
public record TermsView(String name, String percentOff, Long amountOffMicrocents, String duration,
                        Integer durationInMonths, List<String> plans, List<String> billingIntervals) {

    public static TermsView of(CouponTerms terms) {
        return new TermsView(terms.name(),
                terms.percentOff() == null ? null : terms.percentOff().toPlainString(),
                terms.amountOffMicrocents(), terms.duration().apiName(), terms.durationInMonths(),
                terms.plans().stream().map(PlanId::raw).toList(),
                terms.billingIntervals().stream().map(interval -> interval.name().toLowerCase(Locale.ROOT)).toList());
    }
}
