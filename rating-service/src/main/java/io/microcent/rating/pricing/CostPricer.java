package io.microcent.rating.pricing;

import io.microcent.model.usage.UsageEvent;
import io.microcent.rating.pricebook.PriceBook;
import io.microcent.rating.pricebook.ProviderCost;

/**
 * What a usage event cost at its provider (tokens times the price book's per-token prices): the seam
 * where the price book plugs in. The rating topology hands each call the price book it holds
 * ({@link io.microcent.rating.pricebook.PriceBookPricer} is the implementation).
 */
@FunctionalInterface
public interface CostPricer {

    ProviderCost costOf(UsageEvent event, PriceBook prices);
}
