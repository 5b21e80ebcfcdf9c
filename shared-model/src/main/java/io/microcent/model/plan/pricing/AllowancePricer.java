package io.microcent.model.plan.pricing;

import io.microcent.model.money.Rate;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * "N units a period included, then a price per unit": {@code total(q) = max(0, q − included) × unitPrice}.
 * With nothing included it is a plain price per unit.
 */
public record AllowancePricer(long included, Rate unitPrice) implements UsagePricer {

    public AllowancePricer {
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (included < 0) {
            throw new IllegalArgumentException("included cannot be negative");
        }
    }

    @Override
    public BigDecimal total(long quantity) {
        return unitPrice.exactCostOf(Math.max(0, quantity - included));
    }

    /**
     * How one event's units fall against an allowance: the part still inside it and the part beyond.
     *
     * @param before   units already used in the period
     * @param quantity the event's units, not negative
     */
    public static AllowanceSplit split(long included, long before, long quantity) {
        if (before < 0 || quantity < 0) {
            throw new IllegalArgumentException("unit counts cannot be negative: before " + before + ", event " + quantity);
        }
        long remaining = Math.max(0, included - before);
        long inside = Math.min(quantity, remaining);
        return new AllowanceSplit(inside, quantity - inside);
    }

    /**
     * @param included units of the event inside the allowance
     * @param overage  units of the event beyond it
     */
    public record AllowanceSplit(long included, long overage) {
    }
}
