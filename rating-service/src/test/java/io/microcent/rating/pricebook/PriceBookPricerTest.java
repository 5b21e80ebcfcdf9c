package io.microcent.rating.pricebook;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.price.LongContextTier;
import io.microcent.model.price.ModelPrice;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.price.TokenRates;
import io.microcent.model.usage.UsageEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceBookPricerTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOV_15 = Instant.parse("2026-11-15T00:00:00Z");

    /** gpt-4o as LiteLLM prices it: $2.50 / $10 / $1.25 (cache read) per million tokens. */
    private static final TokenRates GPT_4O = new TokenRates(Rate.ofDollars("2.5e-06"), Rate.ofDollars("1e-05"),
            Rate.ofDollars("1.25e-06"), null);
    /** claude-sonnet-4-5, with its prices above 200k input tokens. */
    private static final TokenRates SONNET = new TokenRates(Rate.ofDollars("3e-06"), Rate.ofDollars("1.5e-05"),
            Rate.ofDollars("3e-07"), Rate.ofDollars("3.75e-06"));
    private static final LongContextTier SONNET_LONG = new LongContextTier(200_000, new TokenRates(Rate.ofDollars("6e-06"),
            Rate.ofDollars("2.25e-05"), Rate.ofDollars("6e-07"), Rate.ofDollars("7.5e-06")));

    private static final PriceBook BOOK = PriceBook.of(Map.of(
            ModelId.of("gpt-4o"), new ModelPriceHistory(ModelId.of("gpt-4o"), List.of(
                    new ModelPrice(NOV_1, "openai", GPT_4O, null),
                    // a price cut from mid-month: only usage from the 15th on gets it
                    new ModelPrice(NOV_15, "openai", new TokenRates(Rate.ofDollars("2e-06"), Rate.ofDollars("8e-06"), null, null), null))),
            ModelId.of("claude-sonnet-4-5"), new ModelPriceHistory(ModelId.of("claude-sonnet-4-5"), List.of(
                    new ModelPrice(NOV_1, "anthropic", SONNET, SONNET_LONG))),
            ModelId.of("gemini-2.5-pro"), new ModelPriceHistory(ModelId.of("gemini-2.5-pro"), List.of(
                    new ModelPrice(NOV_1, "gemini", new TokenRates(Rate.ofDollars("1.25e-06"), Rate.ofDollars("1e-05"),
                            Rate.ofDollars("1.25e-07"), null),
                            new LongContextTier(200_000, new TokenRates(Rate.ofDollars("2.5e-06"), Rate.ofDollars("1.5e-05"),
                                    Rate.ofDollars("2.5e-07"), null)))))));

    private static UsageEvent event(String model, Instant at, long requests, long input, long output, long cacheRead, long cacheWrite) {
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-1"), CustomerId.of("acme"), at, at,
                null, null, null, null, null, null, model == null ? null : ModelId.of(model),
                requests, input, output, cacheRead, cacheWrite);
    }

    private static ProviderCost cost(UsageEvent event) {
        return PriceBookPricer.INSTANCE.costOf(event, BOOK);
    }

    @ParameterizedTest(name = "{0}: {2} in, {3} out, {4} cache read, {5} cache write → {6} µ¢")
    @CsvSource(textBlock = """
            # model,            requests, input,   output, cache read, cache write, microcents
            gpt-4o,             1,        1000,    500,    0,          0,           7500
            gpt-4o,             1,        1,       0,      0,          0,           2
            gpt-4o,             1,        3,       0,      0,          0,           8
            gpt-4o,             1,        0,       0,      2000,       0,           2500
            gpt-4o,             1,        100,     0,      0,          10,          275
            claude-sonnet-4-5,  1,        1000,    1000,   10000,      2000,        28500
            claude-sonnet-4-5,  1,        200000,  1000,   0,          0,           615000
            claude-sonnet-4-5,  1,        200001,  1000,   0,          0,           1222506
            claude-sonnet-4-5,  1,        150000,  1000,   40000,      20000,       1096500
            claude-sonnet-4-5,  2,        300000,  1000,   0,          0,           915000
            claude-sonnet-4-5,  2,        400001,  1000,   0,          0,           2422506
            gemini-2.5-pro,     1,        250000,  0,      10000,      10000,       652500
            """)
    void theCostIsTheSumOfTokensTimesTheirPriceInEffectRoundedOnce(String model, long requests, long input, long output,
                                                                   long cacheRead, long cacheWrite, long microcents) {
        ProviderCost cost = cost(event(model, NOV_1.plusSeconds(60), requests, input, output, cacheRead, cacheWrite));

        assertThat(cost.amount()).isEqualTo(Microcents.of(microcents));
        assertThat(cost.unpriced()).isFalse();
    }

    @Test
    void fractionsOfAMicrocentAreSummedExactlyAndRoundedOnceHalfEven() {
        // 1 input (2.5) + 1 cache read (1.25) = 3.75 µ¢: rounding each part first would give 2 + 1 = 3
        ProviderCost cost = cost(event("gpt-4o", NOV_1, 1, 1, 0, 1, 0));

        assertThat(cost.exactMicrocents()).isEqualByComparingTo("3.75");
        assertThat(cost.amount()).isEqualTo(Microcents.of(4));
    }

    @Test
    void usageIsPricedWithThePriceInEffectAtItsEventTime() {
        assertThat(cost(event("gpt-4o", NOV_15.minusMillis(1), 1, 1000, 1000, 0, 0)).amount()).isEqualTo(Microcents.of(12_500));
        assertThat(cost(event("gpt-4o", NOV_15, 1, 1000, 1000, 0, 0)).amount()).isEqualTo(Microcents.of(10_000));
    }

    @Test
    void usageBeforeAModelsFirstPriceIsUnpriced() {
        assertThat(cost(event("gpt-4o", NOV_1.minusMillis(1), 1, 1000, 0, 0, 0))).isEqualTo(ProviderCost.UNPRICED);
    }

    @Test
    void aModelTheBookDoesNotKnowIsRatedAtZeroAndFlaggedUnpriced() {
        ProviderCost cost = cost(event("home-grown-7b", NOV_15, 1, 1000, 1000, 0, 0));

        assertThat(cost.amount()).isEqualTo(Microcents.ZERO);
        assertThat(cost.unpriced()).isTrue();
    }

    @Test
    void anEventWithoutModelIsUnpricedOnlyWhenItHasTokens() {
        assertThat(cost(event(null, NOV_15, 3, 0, 0, 0, 0))).isEqualTo(ProviderCost.NONE);
        assertThat(cost(event(null, NOV_15, 1, 10, 0, 0, 0))).isEqualTo(ProviderCost.UNPRICED);
    }

    @Test
    void aCostTooLargeForALineAmountIsAnArithmeticError() {
        UsageEvent huge = event("gpt-4o", NOV_1, 1, Long.MAX_VALUE, Long.MAX_VALUE, 0, 0);

        assertThatThrownBy(() -> cost(huge)).isInstanceOf(ArithmeticException.class);
    }
}
