package io.microcent.invoicing.generate;

import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * What a monthly fee comes to over a span of time: for each calendar month the span touches,
 * {@code fee × secondsCovered / secondsInMonth}; a month covered in full costs exactly the fee, so twelve
 * whole months are exactly twelve fees. The sum is kept as an exact fraction and becomes microcents once,
 * through {@link Microcents#round}.
 *
 * <p>The one inexact step is the final division to 34 significant digits before that rounding. It cannot
 * change the result: a fraction whose denominator is a product of month lengths in seconds (below
 * 10<sup>30</sup> for a year) is either exactly a half, which the division represents exactly, or at least
 * 10<sup>−30</sup> away from one, far more than the division's error on amounts below 10<sup>19</sup> microcents.
 */
final class Proration {

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private Proration() {
    }

    /** The fee for {@code span}, rounded once. */
    static Microcents of(Microcents monthlyFee, Span span) {
        BigInteger numerator = BigInteger.ZERO;
        BigInteger denominator = BigInteger.ONE;
        BillingPeriod month = BillingPeriod.containing(span.from());
        while (month.start().isBefore(span.to())) {
            Span whole = Span.of(month);
            long covered = whole.overlapSeconds(span);
            if (covered > 0) {
                // numerator/denominator + fee·covered/monthSeconds, over a common denominator
                BigInteger monthSeconds = BigInteger.valueOf(whole.seconds());
                BigInteger part = BigInteger.valueOf(monthlyFee.value()).multiply(BigInteger.valueOf(covered));
                numerator = numerator.multiply(monthSeconds).add(part.multiply(denominator));
                denominator = denominator.multiply(monthSeconds);
                BigInteger common = numerator.gcd(denominator);
                if (common.signum() != 0) {
                    numerator = numerator.divide(common);
                    denominator = denominator.divide(common);
                }
            }
            month = month.next();
        }
        return Microcents.round(new BigDecimal(numerator).divide(new BigDecimal(denominator), PRECISION));
    }
}
