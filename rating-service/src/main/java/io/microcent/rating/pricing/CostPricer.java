package io.microcent.rating.pricing;

import io.microcent.model.money.Microcents;
import io.microcent.model.usage.UsageEvent;

/**
 * What a usage event cost at its provider (tokens times the price book's per-token prices). The seam
 * where the price book plugs in; until then every event costs {@link #NONE nothing}.
 */
@FunctionalInterface
public interface CostPricer {

    /** No price book: provider cost is zero, the plan's charge is unaffected. */
    CostPricer NONE = event -> Microcents.ZERO;

    Microcents costOf(UsageEvent event);
}
