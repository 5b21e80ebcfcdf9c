package io.microcent.model.plan.pricing;

import io.microcent.model.money.Microcents;
import io.microcent.model.plan.TokenPassThrough;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Token pass-through: each event is charged its provider cost (from the price book) times
 * {@code 1 + markup}, rounded once per event. It is priced per event, not from a period total: the cost
 * of an event depends on its model, not on how much was used before. The markup applies to the exact,
 * unrounded cost, so the charge is rounded once rather than on top of the cost's own rounding.
 */
public record TokenPassThroughPricer(BigDecimal factor) {

    public TokenPassThroughPricer {
        Objects.requireNonNull(factor, "factor");
    }

    public static TokenPassThroughPricer of(TokenPassThrough passThrough) {
        return new TokenPassThroughPricer(passThrough.factor());
    }

    /** @param exactCost the event's provider cost in microcents, before rounding */
    public Microcents charge(BigDecimal exactCost) {
        return Microcents.round(exactCost.multiply(factor));
    }
}
