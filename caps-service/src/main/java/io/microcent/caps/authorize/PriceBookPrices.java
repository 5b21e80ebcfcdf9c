package io.microcent.caps.authorize;

import io.microcent.model.id.ModelId;
import io.microcent.model.price.LongContextTier;
import io.microcent.model.price.ModelPrice;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.price.TokenRates;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Prices from the price book, as the caps topology keeps it in its global store: the price in effect now
 * of the model the call names (looked up by that name as the price book keys it).
 */
public final class PriceBookPrices implements TokenPrices {

    private final Supplier<ReadOnlyKeyValueStore<ModelId, ModelPriceHistory>> book;

    public PriceBookPrices(Supplier<ReadOnlyKeyValueStore<ModelId, ModelPriceHistory>> book) {
        this.book = book;
    }

    @Override
    public Optional<TokenRates> ratesFor(ModelId model, long inputTokens, Instant at) {
        ModelPriceHistory history = book.get().get(model);
        if (history == null) {
            return Optional.empty();
        }
        return history.priceAt(at).map(price -> ratesOf(price, inputTokens));
    }

    private static TokenRates ratesOf(ModelPrice price, long inputTokens) {
        LongContextTier longContext = price.longContext();
        return longContext != null && inputTokens > longContext.aboveInputTokens() ? longContext.rates() : price.rates();
    }
}
