package io.microcent.rating.pricebook.api;

import io.microcent.model.price.LongContextTier;
import io.microcent.model.price.ModelPrice;
import io.microcent.rating.pricebook.write.StoredPrice;

import java.time.Instant;
import java.util.List;

/**
 * A model in the price book as {@code GET /v1/price-book/models/{model}} answers: the price in effect now
 * (absent before the first one takes effect) and every price, oldest first, future ones included.
 */
public record ModelPricesView(String model, PriceView current, List<PriceView> history) {

    public static ModelPricesView of(String model, List<StoredPrice> prices, Instant now) {
        List<PriceView> history = prices.stream().map(PriceView::of).toList();
        PriceView current = null;
        for (int i = 0; i < prices.size() && !prices.get(i).price().effectiveFrom().isAfter(now); i++) {
            current = history.get(i);
        }
        return new ModelPricesView(model, current, history);
    }

    /** One price; dollar amounts per token as exact decimal strings, absent when the price book has none. */
    public record PriceView(Instant effectiveFrom, String provider, String inputPerToken, String outputPerToken,
                            String cacheReadPerToken, String cacheWritePerToken, LongContextView longContext,
                            String source, Instant recordedAt) {

        static PriceView of(StoredPrice stored) {
            ModelPrice price = stored.price();
            PriceFields fields = PriceFields.of(price.rates());
            return new PriceView(price.effectiveFrom(), price.provider(), fields.inputPerToken(), fields.outputPerToken(),
                    fields.cacheReadPerToken(), fields.cacheWritePerToken(), LongContextView.of(price.longContext()),
                    stored.source().code(), stored.recordedAt());
        }
    }

    public record LongContextView(long aboveInputTokens, String inputPerToken, String outputPerToken,
                                  String cacheReadPerToken, String cacheWritePerToken) {

        static LongContextView of(LongContextTier tier) {
            if (tier == null) {
                return null;
            }
            PriceFields fields = PriceFields.of(tier.rates());
            return new LongContextView(tier.aboveInputTokens(), fields.inputPerToken(), fields.outputPerToken(),
                    fields.cacheReadPerToken(), fields.cacheWritePerToken());
        }
    }
}
