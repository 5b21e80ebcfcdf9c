package io.microcent.caps.authorize;

import io.microcent.model.caps.CapMeasure;
import io.microcent.model.money.Microcents;

import java.util.Objects;

/**
 * The most a call can add to a cap before it is made, in each thing a cap can measure.
 *
 * @param cost   what the call may cost at its provider: estimated input and maximum output tokens at the
 *               model's prices, rounded up; what a {@code cost} cap reserves
 * @param charge what the customer's plan would charge for that call; what a {@code charge} cap reserves
 */
public record WorstCase(Microcents cost, Microcents charge) {

    public WorstCase {
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(charge, "charge");
        if (cost.isNegative() || charge.isNegative()) {
            throw new IllegalArgumentException("a worst case cannot be negative");
        }
    }

    public Microcents in(CapMeasure measure) {
        return switch (measure) {
            case COST -> cost;
            case CHARGE -> charge;
        };
    }
}
