package io.microcent.rating.pricebook;

import io.microcent.model.money.Microcents;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one usage event cost at its provider.
 *
 * @param amount          the cost as a line amount: {@code exactMicrocents} rounded once by the {@link Microcents} rule
 * @param exactMicrocents the unrounded sum of tokens × per-token prices, for charges derived from the cost
 *                        (a pass-through markup) to round once themselves
 * @param unpriced        true when the price book has no price for the event's model: the cost is zero
 *                        for want of a price, not because the call was free
 */
public record ProviderCost(Microcents amount, BigDecimal exactMicrocents, boolean unpriced) {

    /** Nothing to price: an event without tokens and without a model (e.g. a plain request count). */
    public static final ProviderCost NONE = new ProviderCost(Microcents.ZERO, BigDecimal.ZERO, false);
    /** The price book has no price for the event: rated at zero cost, flagged. */
    public static final ProviderCost UNPRICED = new ProviderCost(Microcents.ZERO, BigDecimal.ZERO, true);

    public ProviderCost {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(exactMicrocents, "exactMicrocents");
    }

    /** A priced cost; throws {@link ArithmeticException} when it does not fit a line amount. */
    public static ProviderCost priced(BigDecimal exactMicrocents) {
        return new ProviderCost(Microcents.round(exactMicrocents), exactMicrocents, false);
    }
}
