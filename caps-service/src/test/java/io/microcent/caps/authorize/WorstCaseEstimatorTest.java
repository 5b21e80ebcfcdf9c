package io.microcent.caps.authorize;

import io.microcent.caps.spend.CapsTopologyDriver;
import io.microcent.caps.spend.Reservations;
import io.microcent.caps.spend.SpendTopology;
import io.microcent.model.id.ModelId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.price.LongContextTier;
import io.microcent.model.price.ModelPrice;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.price.TokenRates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A call's worst case, priced from the price book the topology keeps, or at the configured defaults. */
class WorstCaseEstimatorTest {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private static final ModelId GPT_4O = ModelId.of("gpt-4o");
    private static final ModelId GEMINI = ModelId.of("gemini-2.5-pro");

    @TempDir
    Path stateDir;

    private CapsTopologyDriver driver;
    private WorstCaseEstimator estimator;

    @BeforeEach
    void start() {
        driver = new CapsTopologyDriver(stateDir, Reservations.NONE, NOW);
        PriceBookPrices book = new PriceBookPrices(() -> driver.store(SpendTopology.PRICE_BOOK_STORE));
        estimator = new WorstCaseEstimator(book, Rate.ofMicrocents("75"), Rate.ofMicrocents("10000"));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aModelInThePriceBookIsPricedAtItsCurrentRatesPlusTheRequestPrice() {
        driver.price(new ModelPriceHistory(GPT_4O, List.of(
                price("2026-01-01T00:00:00Z", "5", "15", null),
                price("2026-11-01T00:00:00Z", "2.5", "10", null))));

        // 1,000 × 2.5 + 500 × 10 + 10,000
        assertThat(estimator.worstCase(GPT_4O, 1_000, 500, NOW)).isEqualTo(Microcents.of(17_500));
        // before November the older price applied
        assertThat(estimator.worstCase(GPT_4O, 1_000, 500, Instant.parse("2026-10-31T23:59:59Z"))).isEqualTo(Microcents.of(22_500));
    }

    @Test
    void aLongCallIsPricedAtTheLongContextRates() {
        driver.price(new ModelPriceHistory(GEMINI, List.of(price("2026-01-01T00:00:00Z", "1.25", "10",
                new LongContextTier(200_000, new TokenRates(Rate.ofMicrocents("2.5"), Rate.ofMicrocents("15"), null, null))))));

        assertThat(estimator.worstCase(GEMINI, 200_000, 0, NOW)).isEqualTo(Microcents.of(250_000 + 10_000));
        assertThat(estimator.worstCase(GEMINI, 200_001, 0, NOW)).isEqualTo(Microcents.of(500_003 + 10_000));
    }

    @Test
    void aModelWithoutAPriceAndACallWithoutAModelArePricedAtTheDefaultPerToken() {
        assertThat(estimator.worstCase(ModelId.of("unknown-model"), 100, 100, NOW)).isEqualTo(Microcents.of(15_000 + 10_000));
        assertThat(estimator.worstCase(null, 0, 0, NOW)).isEqualTo(Microcents.of(10_000));
    }

    @Test
    void aFractionOfAMicrocentIsRoundedUpSoTheWorstCaseNeverFallsShort() {
        driver.price(new ModelPriceHistory(GPT_4O, List.of(price("2026-01-01T00:00:00Z", "0.15", "0.6", null))));
        WorstCaseEstimator noRequestPrice = new WorstCaseEstimator(
                new PriceBookPrices(() -> driver.store(SpendTopology.PRICE_BOOK_STORE)), Rate.ofMicrocents("75"), Rate.ZERO);

        // 3 × 0.15 = 0.45
        assertThat(noRequestPrice.worstCase(GPT_4O, 3, 0, NOW)).isEqualTo(Microcents.of(1));
    }

    private static ModelPrice price(String from, String input, String output, LongContextTier longContext) {
        return new ModelPrice(Instant.parse(from), "test", new TokenRates(Rate.ofMicrocents(input), Rate.ofMicrocents(output), null, null),
                longContext);
    }
}
