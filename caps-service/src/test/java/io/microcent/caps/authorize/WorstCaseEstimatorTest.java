package io.microcent.caps.authorize;

import io.microcent.caps.spend.CapsTopologyDriver;
import io.microcent.caps.spend.Reservations;
import io.microcent.caps.spend.ScopeIds;
import io.microcent.caps.spend.SpendTopology;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.Plan;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.plan.TokenPassThrough;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.model.price.LongContextTier;
import io.microcent.model.price.ModelPrice;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.price.PriceHistories;
import io.microcent.model.price.TokenRates;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call's worst case: its provider cost from the price book the topology keeps (or the default per token),
 * and what the customer's plan would charge for it.
 */
class WorstCaseEstimatorTest {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private static final CustomerId ACME = CustomerId.of("acme");
    private static final ModelId GPT_4O = ModelId.of("gpt-4o");
    private static final ModelId GEMINI = ModelId.of("gemini-2.5-pro");
    private static final PlanId STARTER = PlanId.of("starter");
    private static final PlanId CREDITS = PlanId.of("credits");
    /** The default catalog (Starter: 1,000 requests included, then $0.01 each) plus a pass-through plan with a 20 % markup. */
    private static final PlanCatalog CATALOG = new PlanCatalog(Stream.concat(PlanCatalog.defaults().all().stream(),
            Stream.of(new Plan(CREDITS, "Credits", Microcents.ZERO, List.of(),
                    Optional.of(new TokenPassThrough(new BigDecimal("0.20")))))).toList());

    @TempDir
    Path stateDir;

    private CapsTopologyDriver driver;
    private WorstCaseEstimator estimator;

    @BeforeEach
    void start() {
        driver = new CapsTopologyDriver(stateDir, Reservations.NONE, NOW);
        estimator = new WorstCaseEstimator(new CallCost(this::book, Rate.ofMicrocents("75")), CATALOG);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private PriceHistories book() {
        ReadOnlyKeyValueStore<ModelId, ModelPriceHistory> store = driver.store(SpendTopology.PRICE_BOOK_STORE);
        return key -> Optional.ofNullable(store.get(key));
    }

    @Test
    void theCostIsTheTokensAtTheModelsCurrentRatesWithNothingAddedPerRequest() {
        driver.price(new ModelPriceHistory(GPT_4O, List.of(
                price("2026-01-01T00:00:00Z", "5", "15", null),
                price("2026-11-01T00:00:00Z", "2.5", "10", null))));

        // 100 × 2.5 + 10 × 10: before, a flat 10,000 was added to every cap whatever it measured
        assertThat(cost(GPT_4O, 100, 10, NOW)).isEqualTo(Microcents.of(350));
        // before November the older price applied
        assertThat(cost(GPT_4O, 1_000, 500, Instant.parse("2026-10-31T23:59:59Z"))).isEqualTo(Microcents.of(12_500));
    }

    @Test
    void theModelIsFoundByTheLookupRatingPricesWith() {
        driver.price(new ModelPriceHistory(GPT_4O, List.of(price("2026-01-01T00:00:00Z", "2.5", "10", null))));

        // a routing prefix and another case name the same price book entry, as they do for rating
        assertThat(cost(ModelId.of("openrouter/openai/GPT-4o"), 100, 10, NOW)).isEqualTo(Microcents.of(350));
    }

    @Test
    void aProvidersOwnPriceIsUsedWhenTheCallNamesTheProvider() {
        driver.price(new ModelPriceHistory(GPT_4O, List.of(price("2026-01-01T00:00:00Z", "2.5", "10", null))));
        ModelId azure = ModelId.of("azure/gpt-4o");
        driver.price(new ModelPriceHistory(azure, List.of(price("2026-01-01T00:00:00Z", "5", "20", null))));
        CallRequest viaAzure = new CallRequest(ACME, ScopeIds.of(ACME, null, null, null, null, null), "azure", GPT_4O, 100, 10);

        assertThat(estimator.worstCase(viaAzure, new PlanUsage(STARTER, MeterTotals.NONE), NOW).cost()).isEqualTo(Microcents.of(700));
        assertThat(cost(GPT_4O, 100, 10, NOW)).isEqualTo(Microcents.of(350));
    }

    @Test
    void aLongCallIsPricedAtTheLongContextRatesAndATypeWithoutOneKeepsItsNormalRate() {
        driver.price(new ModelPriceHistory(GEMINI, List.of(price("2026-01-01T00:00:00Z", "1.25", "10",
                new LongContextTier(200_000, new TokenRates(Rate.ofMicrocents("2.5"), null, null, null))))));

        assertThat(cost(GEMINI, 200_000, 10, NOW)).isEqualTo(Microcents.of(250_000 + 100));
        // the tier has no output rate: output keeps its normal 10, not the default per token
        assertThat(cost(GEMINI, 200_001, 10, NOW)).isEqualTo(Microcents.of(500_003 + 100));
    }

    @Test
    void aModelWithoutAPriceAndACallWithoutAModelArePricedAtTheDefaultPerToken() {
        assertThat(cost(ModelId.of("unknown-model"), 100, 100, NOW)).isEqualTo(Microcents.of(15_000));
        assertThat(cost(null, 0, 0, NOW)).isEqualTo(Microcents.ZERO);
    }

    @Test
    void aFractionOfAMicrocentIsRoundedUpSoTheCostNeverFallsShort() {
        driver.price(new ModelPriceHistory(GPT_4O, List.of(price("2026-01-01T00:00:00Z", "0.15", "0.6", null))));

        // 3 × 0.15 = 0.45
        assertThat(cost(GPT_4O, 3, 0, NOW)).isEqualTo(Microcents.of(1));
    }

    @Test
    void theChargeIsNothingWithinTheAllowanceAndTheOveragePriceBeyondIt() {
        WorstCase within = estimator.worstCase(call(GPT_4O, 100, 10), new PlanUsage(STARTER, requests(999)), NOW);
        WorstCase beyond = estimator.worstCase(call(GPT_4O, 100, 10), new PlanUsage(STARTER, requests(1_000)), NOW);

        assertThat(within.charge()).isEqualTo(Microcents.ZERO);
        assertThat(beyond.charge()).isEqualTo(Microcents.ofCents(1));
    }

    @Test
    void aPassThroughPlanChargesTheCostWithItsMarkup() {
        driver.price(new ModelPriceHistory(GPT_4O, List.of(price("2026-01-01T00:00:00Z", "2.5", "10", null))));

        WorstCase worstCase = estimator.worstCase(call(GPT_4O, 100, 10), new PlanUsage(CREDITS, MeterTotals.NONE), NOW);

        assertThat(worstCase.cost()).isEqualTo(Microcents.of(350));
        assertThat(worstCase.charge()).isEqualTo(Microcents.of(420));
    }

    @Test
    void beforeThePlanIsKnownTheMostAnyPlanWouldChargeIsHeld() {
        driver.price(new ModelPriceHistory(GPT_4O, List.of(price("2026-01-01T00:00:00Z", "2.5", "10", null))));

        WorstCase fresh = estimator.worstCase(call(GPT_4O, 100, 10), new PlanUsage(null, MeterTotals.NONE), NOW);
        WorstCase pastEveryAllowance = estimator.worstCase(call(GPT_4O, 100, 10), new PlanUsage(null, requests(100_000)), NOW);

        assertThat(fresh.charge()).isEqualTo(Microcents.of(420)); // the pass-through plan; allowances are still open
        assertThat(pastEveryAllowance.charge()).isEqualTo(Microcents.ofCents(1)); // Starter's overage is the highest
    }

    private Microcents cost(ModelId model, long input, long output, Instant at) {
        return estimator.worstCase(call(model, input, output), new PlanUsage(STARTER, MeterTotals.NONE), at).cost();
    }

    private static CallRequest call(ModelId model, long input, long output) {
        return new CallRequest(ACME, ScopeIds.of(ACME, null, null, null, null, null), model, input, output);
    }

    private static MeterTotals requests(long count) {
        return new MeterTotals(count, 0, 0, 0);
    }

    private static ModelPrice price(String from, String input, String output, LongContextTier longContext) {
        return new ModelPrice(Instant.parse(from), "test", new TokenRates(Rate.ofMicrocents(input), Rate.ofMicrocents(output), null, null),
                longContext);
    }
}
