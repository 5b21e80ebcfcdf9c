package io.microcent.model.plan;

import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;

import java.util.Objects;

/**
 * One tier of a tiered charge: the units up to and including {@code upTo} (counted from the start of
 * the period) that are not in an earlier tier.
 *
 * @param upTo      the last unit of the tier; {@link #UNBOUNDED} for the last tier
 * @param unitPrice the price of each unit priced in this tier
 * @param flatFee   charged once when the period's quantity reaches into this tier; zero for none
 */
public record Tier(long upTo, Rate unitPrice, Microcents flatFee) {

    /** The {@code upTo} of the last tier, which has no end. */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    public Tier {
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(flatFee, "flatFee");
        if (upTo <= 0) {
            throw new IllegalArgumentException("upTo must be at least 1, got " + upTo);
        }
        if (flatFee.isNegative()) {
            throw new IllegalArgumentException("flatFee cannot be negative");
        }
    }

    /** A tier without a flat fee. */
    public static Tier upTo(long upTo, Rate unitPrice) {
        return new Tier(upTo, unitPrice, Microcents.ZERO);
    }

    public boolean isUnbounded() {
        return upTo == UNBOUNDED;
    }
}
