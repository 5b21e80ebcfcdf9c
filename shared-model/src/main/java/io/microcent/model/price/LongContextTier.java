package io.microcent.model.price;

import java.util.Objects;

/**
 * Higher prices for long requests, as providers charge them: when a request's input tokens (cached ones
 * included) exceed {@code aboveInputTokens}, {@code rates} apply to the whole request, every token type.
 * LiteLLM calls these the {@code *_above_200k_tokens} prices.
 */
public record LongContextTier(long aboveInputTokens, TokenRates rates) {

    /** The threshold of LiteLLM's {@code *_above_200k_tokens} prices. */
    public static final long ABOVE_200K = 200_000L;

    public LongContextTier {
        Objects.requireNonNull(rates, "rates");
        if (aboveInputTokens <= 0) {
            throw new IllegalArgumentException("aboveInputTokens must be positive, got " + aboveInputTokens);
        }
    }
}
