package io.microcent.caps.authorize;

import io.microcent.model.id.ModelId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.price.TokenRates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Function;

/**
 * The most a call can add to a cap before it is made: its estimated input tokens and its maximum output
 * tokens at the model's per-token prices, plus a per-request price, rounded up to a whole microcent.
 *
 * <p>One amount is held against every cap the call falls under, whatever they measure: what a plan
 * charges per request, and what tokens cost, cannot be known exactly in advance, so both are counted.
 * A model (or token type) without a price costs the configured default per token, meant to be at least
 * as expensive as any model in use. All input is priced as uncached input.
 */
public final class WorstCaseEstimator {

    private final TokenPrices prices;
    private final Rate defaultPerToken;
    private final Rate perRequest;

    public WorstCaseEstimator(TokenPrices prices, Rate defaultPerToken, Rate perRequest) {
        this.prices = prices;
        this.defaultPerToken = defaultPerToken;
        this.perRequest = perRequest;
    }

    /** @param model {@code null} when the caller does not say: priced at the default */
    public Microcents worstCase(ModelId model, long inputTokens, long maxOutputTokens, Instant at) {
        TokenRates rates = model == null ? null : prices.ratesFor(model, inputTokens, at).orElse(null);
        BigDecimal exact = rate(rates, TokenRates::input).exactCostOf(inputTokens)
                .add(rate(rates, TokenRates::output).exactCostOf(maxOutputTokens))
                .add(perRequest.exactCostOf(1));
        return Microcents.roundUp(exact);
    }

    private Rate rate(TokenRates rates, Function<TokenRates, Rate> type) {
        Rate rate = rates == null ? null : type.apply(rates);
        return rate != null ? rate : defaultPerToken;
    }
}
