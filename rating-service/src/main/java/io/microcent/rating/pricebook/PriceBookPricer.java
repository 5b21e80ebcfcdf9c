package io.microcent.rating.pricebook;

import io.microcent.model.price.ModelLookup;
import io.microcent.model.price.ModelPrice;
import io.microcent.model.usage.UsageEvent;
import io.microcent.rating.pricing.CostPricer;

import java.util.Optional;

/**
 * Prices an event from the price book: the model's price in effect at the event's <em>event time</em>
 * ({@link ModelLookup}), times its tokens ({@link TokenCost}), rounded once. An event whose model has no
 * price then is rated at zero cost and flagged {@link ProviderCost#UNPRICED unpriced}, never dropped;
 * so is an event with tokens but no model.
 */
public final class PriceBookPricer implements CostPricer {

    public static final PriceBookPricer INSTANCE = new PriceBookPricer();

    private PriceBookPricer() {
    }

    @Override
    public ProviderCost costOf(UsageEvent event, PriceBook prices) {
        if (event.model() == null) {
            return hasTokens(event) ? ProviderCost.UNPRICED : ProviderCost.NONE;
        }
        Optional<ModelPrice> price = ModelLookup.priceAt(prices, event.provider(), event.model(), event.timestamp());
        return price.map(p -> ProviderCost.priced(TokenCost.exactMicrocents(p, event))).orElse(ProviderCost.UNPRICED);
    }

    private static boolean hasTokens(UsageEvent event) {
        return event.inputTokens() != 0 || event.outputTokens() != 0 || event.cacheReadTokens() != 0 || event.cacheWriteTokens() != 0;
    }
}
