package io.microcent.invoicing.write.coupon;

import io.microcent.invoicing.generate.BillingInterval;
import io.microcent.invoicing.generate.Coupon;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a coupon is, as stored in its events and read models: its value (exactly one of {@code percentOff}
 * and {@code amountOffMicrocents}), duration, limits and restrictions. Lists are kept sorted and without
 * repeats, and the percentage without trailing zeros, so two requests that mean the same coupon have equal
 * terms (what makes creating the shipped coupons at every start a no-op).
 *
 * @param name             optional label
 * @param durationInMonths only for {@link CouponDuration#REPEATING}
 * @param maxRedemptions   optional, at least 1: how many customers may redeem it
 * @param redeemBy         optional: redemptions are refused from this instant on
 * @param plans            the plans it applies to; empty for every plan
 * @param billingIntervals the billing intervals it applies to; empty for every interval
 */
public record CouponTerms(String name, BigDecimal percentOff, Long amountOffMicrocents, CouponDuration duration,
                          Integer durationInMonths, Long maxRedemptions, Instant redeemBy, List<PlanId> plans,
                          List<BillingInterval> billingIntervals) {

    public CouponTerms {
        if ((percentOff == null) == (amountOffMicrocents == null)) {
            throw new IllegalArgumentException("a coupon has exactly one of percentOff and amountOffMicrocents");
        }
        Objects.requireNonNull(duration, "duration");
        if ((duration == CouponDuration.REPEATING) != (durationInMonths != null)) {
            throw new IllegalArgumentException("durationInMonths is given exactly for a repeating coupon");
        }
        if (maxRedemptions != null && maxRedemptions < 1) {
            throw new IllegalArgumentException("maxRedemptions must be at least 1");
        }
        toValue(percentOff, amountOffMicrocents); // the generator's own range checks, before the value is written out
        toDuration(duration, durationInMonths);
        percentOff = percentOff == null ? null : new BigDecimal(percentOff.stripTrailingZeros().toPlainString());
        plans = plans == null ? List.of() : plans.stream().distinct().sorted(Comparator.comparing(PlanId::raw)).toList();
        billingIntervals = billingIntervals == null ? List.of() : billingIntervals.stream().distinct().sorted().toList();
    }

    /** The coupon as the invoice generator applies it. */
    public Coupon toCoupon(CouponCode code) {
        return new Coupon(code.raw(), toValue(percentOff, amountOffMicrocents), toDuration(duration, durationInMonths),
                Set.copyOf(plans), Set.copyOf(billingIntervals));
    }

    /** Whether it is redeemable at {@code at} as far as its own date goes. */
    public boolean redeemableAt(Instant at) {
        return redeemBy == null || at.isBefore(redeemBy);
    }

    private static Coupon.Value toValue(BigDecimal percentOff, Long amountOffMicrocents) {
        return percentOff != null ? new Coupon.PercentOff(percentOff) : new Coupon.AmountOff(Microcents.of(amountOffMicrocents));
    }

    private static Coupon.Duration toDuration(CouponDuration duration, Integer months) {
        return switch (duration) {
            case ONCE -> new Coupon.Once();
            case REPEATING -> new Coupon.Repeating(months);
            case FOREVER -> new Coupon.Forever();
        };
    }
}
