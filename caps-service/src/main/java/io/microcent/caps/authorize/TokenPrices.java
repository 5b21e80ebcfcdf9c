package io.microcent.caps.authorize;

import io.microcent.model.id.ModelId;
import io.microcent.model.price.TokenRates;

import java.time.Instant;
import java.util.Optional;

/** Per-token prices of a model for pricing a call before it is made; the seam where the price book plugs in. */
@FunctionalInterface
public interface TokenPrices {

    /** No price book: every model is priced at the configured default. */
    TokenPrices NONE = (model, inputTokens, at) -> Optional.empty();

    /**
     * The rates that would apply to a call of {@code model} with {@code inputTokens} input tokens at
     * {@code at} (long-context rates when the call is long enough), or empty when the model has no price.
     */
    Optional<TokenRates> ratesFor(ModelId model, long inputTokens, Instant at);
}
