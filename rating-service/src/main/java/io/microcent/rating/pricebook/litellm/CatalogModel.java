package io.microcent.rating.pricebook.litellm;

import io.microcent.model.id.ModelId;
import io.microcent.model.price.LongContextTier;
import io.microcent.model.price.ModelPrice;
import io.microcent.model.price.TokenRates;

import java.time.Instant;
import java.util.Objects;

/**
 * One model's per-token prices as a catalog gives them, not yet dated.
 *
 * @param key         the catalog's key, kept as the price book key ({@code gpt-4o}, {@code azure/gpt-4o})
 * @param provider    LiteLLM's {@code litellm_provider}, else the key's prefix; may be {@code null}
 * @param longContext the {@code *_above_200k_tokens} prices, {@code null} when there are none
 */
public record CatalogModel(ModelId key, String provider, TokenRates rates, LongContextTier longContext) {

    public CatalogModel {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rates, "rates");
    }

    public ModelPrice effectiveFrom(Instant effectiveFrom) {
        return new ModelPrice(effectiveFrom, provider, rates, longContext);
    }
}
