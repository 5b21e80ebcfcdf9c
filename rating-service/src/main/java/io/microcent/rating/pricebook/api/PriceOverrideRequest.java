package io.microcent.rating.pricebook.api;

import io.microcent.model.error.FieldError;
import io.microcent.model.price.LongContextTier;
import io.microcent.model.price.ModelPrice;
import io.microcent.model.price.TokenRates;
import io.microcent.platform.http.ApiException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code PUT /v1/price-book/models/{model}}: one model's prices from an instant on. Prices
 * are decimal strings of US dollars per token ({@link PriceFields}), at least one of the four.
 *
 * @param provider      who charges the price (e.g. {@code openai}); optional
 * @param effectiveFrom from when the price applies to usage (by event time); default now
 * @param longContext   optional higher prices for requests over a number of input tokens
 */
public record PriceOverrideRequest(String provider, String inputPerToken, String outputPerToken,
                                   String cacheReadPerToken, String cacheWritePerToken, Instant effectiveFrom,
                                   LongContextRequest longContext) {

    /** Providers are stored in a column of this size. */
    static final int PROVIDER_MAX_LENGTH = 100;

    /** @param aboveInputTokens the tier applies to requests with more input tokens than this (cached ones included) */
    public record LongContextRequest(Long aboveInputTokens, String inputPerToken, String outputPerToken,
                                     String cacheReadPerToken, String cacheWritePerToken) {

        LongContextTier toTier(List<FieldError> errors) {
            TokenRates rates = new PriceFields(inputPerToken, outputPerToken, cacheReadPerToken, cacheWritePerToken)
                    .toRates("longContext.", errors);
            if (aboveInputTokens == null || aboveInputTokens <= 0) {
                errors.add(FieldError.of("longContext.aboveInputTokens", aboveInputTokens == null ? "required" : "not_positive",
                        "longContext.aboveInputTokens must be a positive number of tokens, e.g. 200000"));
                return null;
            }
            if (rates.isEmpty()) {
                errors.add(FieldError.of("longContext.inputPerToken", "required", "give at least one long-context price"));
                return null;
            }
            return new LongContextTier(aboveInputTokens, rates);
        }
    }

    /** The price this request sets, or a 422 listing every field at fault. */
    ModelPrice toPrice(Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String who = provider == null || provider.isBlank() ? null : provider.strip();
        if (who != null && who.length() > PROVIDER_MAX_LENGTH) {
            errors.add(FieldError.of("provider", "too_long", "provider must be at most " + PROVIDER_MAX_LENGTH + " characters"));
        }
        TokenRates rates = new PriceFields(inputPerToken, outputPerToken, cacheReadPerToken, cacheWritePerToken)
                .toRates("", errors);
        if (rates.isEmpty() && errors.isEmpty()) {
            errors.add(FieldError.of("inputPerToken", "required",
                    "give at least one of inputPerToken, outputPerToken, cacheReadPerToken, cacheWritePerToken"));
        }
        LongContextTier tier = longContext == null ? null : longContext.toTier(errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new ModelPrice(effectiveFrom == null ? now : effectiveFrom, who, rates, tier);
    }
}
