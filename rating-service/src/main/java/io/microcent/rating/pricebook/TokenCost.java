package io.microcent.rating.pricebook;

import io.microcent.model.money.Rate;
import io.microcent.model.price.LongContextTier;
import io.microcent.model.price.ModelPrice;
import io.microcent.model.price.TokenRates;
import io.microcent.model.usage.UsageEvent;

import java.math.BigDecimal;

/**
 * The exact cost of an event's tokens under one model price: Σ tokens × rate per token type, unrounded.
 *
 * <p>Which rate applies to each token type:
 * <ul>
 *   <li>A <b>long request</b> pays the model's {@link LongContextTier} rates for all its tokens, as providers
 *       charge: its prompt (input + cache read + cache write tokens) exceeds the tier's threshold. An event
 *       that sums several requests is judged by its average request, {@code prompt > threshold × requests},
 *       the best it can say without each request's size. A type the tier has no rate for keeps its normal rate.</li>
 *   <li>A cache read or cache write without its own rate costs the input rate: for a provider that does not
 *       price its cache apart, those tokens are plain input tokens (e.g. Gemini's cache creation).</li>
 *   <li>Input or output without a rate costs nothing: the catalog prices that model by the other (e.g. an
 *       embedding model has no output price).</li>
 * </ul>
 * Throws {@link ArithmeticException} for token counts whose sums overflow.
 */
public final class TokenCost {

    private TokenCost() {
    }

    public static BigDecimal exactMicrocents(ModelPrice price, UsageEvent event) {
        TokenRates rates = ratesFor(price, event);
        Rate input = orZero(rates.input());
        Rate cacheRead = rates.cacheRead() != null ? rates.cacheRead() : input;
        Rate cacheWrite = rates.cacheWrite() != null ? rates.cacheWrite() : input;
        return input.exactCostOf(event.inputTokens())
                .add(orZero(rates.output()).exactCostOf(event.outputTokens()))
                .add(cacheRead.exactCostOf(event.cacheReadTokens()))
                .add(cacheWrite.exactCostOf(event.cacheWriteTokens()));
    }

    /** The model's rates, or its long-context rates when the event is a long request ({@link ModelPrice#ratesFor}). */
    static TokenRates ratesFor(ModelPrice price, UsageEvent event) {
        long prompt = Math.addExact(Math.addExact(event.inputTokens(), event.cacheReadTokens()), event.cacheWriteTokens());
        return price.ratesFor(prompt, event.requests());
    }

    private static Rate orZero(Rate rate) {
        return rate != null ? rate : Rate.ZERO;
    }
}
