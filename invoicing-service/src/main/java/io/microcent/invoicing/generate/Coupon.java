package io.microcent.invoicing.generate;

import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * A coupon as data: what it takes off an invoice's subtotal (base fees and usage), for how long, and on which
 * subscriptions.
 *
 * @param plans            the plans it applies to; empty for every plan
 * @param billingIntervals the billing intervals it applies to; empty for every interval
 */
public record Coupon(String id, Value value, Duration duration, Set<PlanId> plans, Set<BillingInterval> billingIntervals) {

    public Coupon {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(duration, "duration");
        plans = Set.copyOf(plans);
        billingIntervals = Set.copyOf(billingIntervals);
    }

    /** A coupon for every plan and interval. */
    public static Coupon of(String id, Value value, Duration duration) {
        return new Coupon(id, value, duration, Set.of(), Set.of());
    }

    public boolean appliesTo(PlanId plan, BillingInterval interval) {
        return (plans.isEmpty() || plans.contains(plan))
                && (billingIntervals.isEmpty() || billingIntervals.contains(interval));
    }

    /** How much a coupon takes off. */
    public sealed interface Value {
    }

    /** A percentage of what is left to discount, exact: {@code 12.5} is 12.5 %. */
    public record PercentOff(BigDecimal percent) implements Value {
        public PercentOff {
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                // toString, not toPlainString: 1e999999999 written plainly is a billion digits
                throw new IllegalArgumentException("percentOff must be more than 0 and at most 100, got " + percent);
            }
        }

        public static PercentOff of(String percent) {
            return new PercentOff(new BigDecimal(percent));
        }
    }

    /** A fixed amount per invoice it applies to; what the invoice cannot absorb is not carried over. */
    public record AmountOff(Microcents amount) implements Value {
        public AmountOff {
            Objects.requireNonNull(amount, "amount");
            if (amount.isNegative() || amount.isZero()) {
                throw new IllegalArgumentException("amountOffMicrocents must be positive, got " + amount);
            }
        }
    }

    /** How long a redeemed coupon keeps applying. */
    public sealed interface Duration {
    }

    /** One invoice: the first one it takes something off. */
    public record Once() implements Duration {
    }

    /**
     * The invoices of the periods in the {@code months} months from the start of the period it is redeemed
     * in; stored on the redemption as an end date ({@link Redemption#endsAt()}), not as a count of invoices.
     */
    public record Repeating(int months) implements Duration {
        public Repeating {
            if (months <= 0) {
                throw new IllegalArgumentException("durationInMonths must be at least 1, got " + months);
            }
        }
    }

    /** Every invoice from the period it is redeemed in. */
    public record Forever() implements Duration {
    }
}
