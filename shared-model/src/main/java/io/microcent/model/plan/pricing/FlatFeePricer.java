package io.microcent.model.plan.pricing;

import io.microcent.model.money.Microcents;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A plan's monthly base fee. It does not depend on usage, so rating never puts it on a usage line; it
 * is owed once per period, in full or, for part of a period, in proportion to the days on the plan.
 */
public record FlatFeePricer(Microcents monthlyFee) {

    /** Enough digits that the one rounding, to a whole microcent, is the only one that matters. */
    private static final MathContext PRECISION = MathContext.DECIMAL128;

    public FlatFeePricer {
        Objects.requireNonNull(monthlyFee, "monthlyFee");
    }

    /** The fee of a whole period. */
    public Microcents forWholePeriod() {
        return monthlyFee;
    }

    /** The fee for {@code daysOnPlan} of a period of {@code daysInPeriod} days, rounded once. */
    public Microcents forDays(long daysOnPlan, long daysInPeriod) {
        if (daysInPeriod <= 0 || daysOnPlan < 0 || daysOnPlan > daysInPeriod) {
            throw new IllegalArgumentException("cannot be on a plan " + daysOnPlan + " days of " + daysInPeriod);
        }
        BigDecimal exact = new BigDecimal(monthlyFee.value()).multiply(BigDecimal.valueOf(daysOnPlan))
                .divide(BigDecimal.valueOf(daysInPeriod), PRECISION);
        return Microcents.round(exact);
    }
}
