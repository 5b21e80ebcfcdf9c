package io.microcent.caps.authorize;

import io.microcent.model.id.ModelId;
import io.microcent.model.money.Rate;
import io.microcent.model.price.ModelLookup;
import io.microcent.model.price.ModelPrice;
import io.microcent.model.price.PriceHistories;
import io.microcent.model.price.TokenRates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a call about to be made may cost at its provider, unrounded: its estimated input tokens and its
 * maximum output tokens at the prices in effect now of the model it names, found and long-context-priced
 * by the rules rating prices its usage with ({@link ModelLookup}, {@link ModelPrice#ratesFor}). A model
 * (or a token type) without a price costs the configured default per token, meant to be at least as
 * expensive as any model in use. All input is priced as uncached input, never cheaper than a cache read.
 */
public final class CallCost {

    private final Supplier<PriceHistories> book;
    private final Rate defaultPerToken;

    /** @param book the price book as held now (fetched per call: a store handle lives only while the streams run) */
    public CallCost(Supplier<PriceHistories> book, Rate defaultPerToken) {
        this.book = book;
        this.defaultPerToken = defaultPerToken;
    }

    /** @param model {@code null} when the caller does not say: priced at the default */
    public BigDecimal exactMicrocents(String provider, ModelId model, long inputTokens, long maxOutputTokens, Instant at) {
        TokenRates rates = model == null ? null : ModelLookup.priceAt(book.get(), provider, model, at)
                .map(price -> price.ratesFor(inputTokens, 1))
                .orElse(null);
        return rate(rates, TokenRates::input).exactCostOf(inputTokens)
                .add(rate(rates, TokenRates::output).exactCostOf(maxOutputTokens));
    }

    private Rate rate(TokenRates rates, Function<TokenRates, Rate> type) {
        return Optional.ofNullable(rates).map(type).orElse(defaultPerToken);
    }
}
