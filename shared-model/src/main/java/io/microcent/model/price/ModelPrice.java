package io.microcent.model.price;

import io.microcent.model.money.Rate;

import java.time.Instant;
import java.util.Objects;

/**
 * A model's per-token prices from an instant on: usage whose event time is at or after
 * {@code effectiveFrom} (and before the next price's) is priced with it.
 *
 * @param provider    who charges this price, as the catalog names it (e.g. {@code openai}); may be {@code null}
 * @param longContext the long-request tier, {@code null} when the model has none
 */
public record ModelPrice(Instant effectiveFrom, String provider, TokenRates rates, LongContextTier longContext) {

    public ModelPrice {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(rates, "rates");
    }

    /**
     * The rates that price a call, by the long-context rule rating and caps share: a <b>long request</b>
     * pays the {@link LongContextTier} rates for all its tokens, as providers charge, when its prompt (input
     * + cache read + cache write tokens) exceeds the tier's threshold. Several requests summed in one event
     * are judged by their average request, {@code prompt > threshold × requests}, the best that can be said
     * without each request's size. A token type the tier has no rate for keeps its normal rate.
     *
     * @throws ArithmeticException when {@code threshold × requests} overflows
     */
    public TokenRates ratesFor(long promptTokens, long requests) {
        if (longContext == null || promptTokens <= Math.multiplyExact(longContext.aboveInputTokens(), Math.max(1L, requests))) {
            return rates;
        }
        TokenRates longer = longContext.rates();
        return new TokenRates(
                firstOf(longer.input(), rates.input()),
                firstOf(longer.output(), rates.output()),
                firstOf(longer.cacheRead(), rates.cacheRead()),
                firstOf(longer.cacheWrite(), rates.cacheWrite()));
    }

    private static Rate firstOf(Rate preferred, Rate fallback) {
        return preferred != null ? preferred : fallback;
    }
}
