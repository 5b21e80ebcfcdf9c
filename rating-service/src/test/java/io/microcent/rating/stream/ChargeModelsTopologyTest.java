package io.microcent.rating.stream;

import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.ChargeAmount;
import io.microcent.model.usage.LateUsagePolicy;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import io.microcent.rating.pricebook.ProviderCost;
import io.microcent.rating.pricing.CostPricer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.microcent.rating.stream.UsageEvents.tokens;
import static org.assertj.core.api.Assertions.assertThat;

/** Rating under an operator's own catalog: graduated tiers, volume tiers and token pass-through. */
class ChargeModelsTopologyTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final CustomerId ACME = CustomerId.of("acme");

    /**
     * tokens: total tokens graduated, 10 µ¢ up to 1,000, then 5 µ¢ plus a 1¢ fee up to 5,000, then 2.5 µ¢.
     * credits: provider cost + 20 %. volume: requests, 2 at 1¢ each, from 3 on all at ½¢. hybrid: 1 request
     * included then 1¢ each, 20 µ¢ per output token, and the provider cost + 20 %.
     */
    private static final PlanCatalog CATALOG = PlanCatalog.fromJson("""
            {"plans": [
              {"id": "tokens", "name": "Tokens", "monthlyFee": "0", "charges": [
                {"meter": "total_tokens", "model": "graduated", "tiers": [
                  {"upTo": 1000, "unitPrice": "0.00001"},
                  {"upTo": 5000, "unitPrice": "0.000005", "flatFee": "0.01"},
                  {"unitPrice": "0.0000025"}]}]},
              {"id": "credits", "name": "Credits", "monthlyFee": "0", "tokenPassThrough": {"markup": "0.20"}},
              {"id": "volume", "name": "Volume", "monthlyFee": "5", "charges": [
                {"meter": "requests", "model": "volume", "tiers": [
                  {"upTo": 2, "unitPrice": "0.01"},
                  {"unitPrice": "0.005"}]}]},
              {"id": "hybrid", "name": "Hybrid", "monthlyFee": "0", "charges": [
                {"meter": "requests", "model": "allowance", "included": 1, "unitPrice": "0.01"},
                {"meter": "output_tokens", "model": "allowance", "unitPrice": "0.00002"}],
               "tokenPassThrough": {"markup": "0.20"}}
            ]}
            """);

    /** gpt-4o-like provider cost: 2.5 µ¢ per input token, 10 µ¢ per output token, whatever the price book says. */
    private static final CostPricer COSTS = (event, priceBook) -> ProviderCost.priced(
            Rate.ofMicrocents("2.5").exactCostOf(event.inputTokens()).add(Rate.ofMicrocents("10").exactCostOf(event.outputTokens())));

    @TempDir
    Path stateDir;

    private RatingDriver rating;

    @BeforeEach
    void startDriver() {
        rating = new RatingDriver(new RatingRules(CATALOG, COSTS, LateUsagePolicy.DEFAULT), stateDir, NOV_1);
    }

    @AfterEach
    void closeDriver() {
        rating.close();
    }

    @Test
    void graduatedTokenTiersChargeEachEventWhatItAddsToThePeriodTotal() {
        rating.onPlan(ACME, "tokens", NOV_1);
        send(600, 600, 4_000, 1, 1, 1, 1);

        List<RatedUsage> lines = rating.rated.readValuesToList();

        // period totals 6,000 → 21,000 (second tier and its fee) → 40,500 → 40,502.5, 40,505, 40,507.5, 40,510
        assertThat(lines).extracting(RatedUsage::chargeMicrocents).extracting(Microcents::value)
                .containsExactly(6_000L, 15_000L, 19_500L, 2L, 3L, 3L, 2L);
        assertThat(total(lines)).as("the lines add up to the period total of 5,204 tokens, rounded once")
                .isEqualTo(Microcents.of(40_510));
        assertThat(lines.getFirst().costMicrocents()).as("the provider cost is reported, not charged")
                .isEqualTo(Microcents.of(1_500));
        assertThat(lines).extracting(RatedUsage::includedRequests).containsOnly(0L);
        assertThat(lines).extracting(RatedUsage::overageRequests).containsOnly(1L);
    }

    @Test
    void eachRatedLineCarriesItsChargeChargeByChargeInPlanOrder() {
        rating.onPlan(ACME, "hybrid", NOV_1);
        rating.send(tokens(ACME, NOV_1.plusSeconds(1), 1_000, 200));
        rating.send(tokens(ACME, NOV_1.plusSeconds(2), 10, 5));

        List<RatedUsage> lines = rating.rated.readValuesToList();

        // first: its request is the included one; 200 × 20 µ¢; 4,500 × 1.2
        assertThat(lines.getFirst().charges()).containsExactly(
                new ChargeAmount("requests", 1, Microcents.ZERO),
                new ChargeAmount("output_tokens", 200, Microcents.of(4_000)),
                new ChargeAmount("token_pass_through", 1_200, Microcents.of(5_400)));
        // second: 1¢ for the request beyond the allowance; 5 × 20 µ¢; (25 + 50) × 1.2
        assertThat(lines.getLast().charges()).containsExactly(
                new ChargeAmount("requests", 1, Microcents.of(10_000)),
                new ChargeAmount("output_tokens", 5, Microcents.of(100)),
                new ChargeAmount("token_pass_through", 15, Microcents.of(90)));
        assertThat(lines).allSatisfy(line ->
                assertThat(ChargeAmount.sum(line.charges())).isEqualTo(line.chargeMicrocents()));
    }

    @Test
    void aPassThroughPlanChargesEachEventsProviderCostPlusTheMarkup() {
        rating.onPlan(ACME, "credits", NOV_1);
        rating.send(tokens(ACME, NOV_1.plusSeconds(1), 1_000, 200));
        rating.send(tokens(ACME, NOV_1.plusSeconds(2), 3, 0));

        List<RatedUsage> lines = rating.rated.readValuesToList();

        assertThat(lines).extracting(RatedUsage::costMicrocents).containsExactly(Microcents.of(4_500), Microcents.of(8));
        // 4,500 × 1.2; the exact cost 7.5 × 1.2 = 9, rounded once (not the rounded cost 8 × 1.2 = 9.6 → 10)
        assertThat(lines).extracting(RatedUsage::chargeMicrocents).containsExactly(Microcents.of(5_400), Microcents.of(9));
    }

    @Test
    void tokensUsedUnderTheOldPlanCountTowardTheNewPlansTiers() {
        rating.onPlan(ACME, "credits", NOV_1);
        rating.send(tokens(ACME, NOV_1.plusSeconds(1), 1_000, 0));
        rating.onPlan(ACME, "tokens", NOV_1.plusSeconds(2));
        rating.send(tokens(ACME, NOV_1.plusSeconds(3), 200, 0));

        List<RatedUsage> lines = rating.rated.readValuesToList();

        // 1,000 → 1,200 tokens: 200 at 5 µ¢ plus the second tier's 1¢ fee
        assertThat(lines.getLast().chargeMicrocents()).isEqualTo(Microcents.of(11_000));
    }

    @Test
    void crossingIntoACheaperVolumeTierIsACreditOnTheEventThatCrossed() {
        rating.onPlan(ACME, "volume", NOV_1);
        rating.send(UsageEvents.requests(ACME, NOV_1.plusSeconds(1), 2));
        rating.send(UsageEvents.requests(ACME, NOV_1.plusSeconds(2), 1));

        List<RatedUsage> lines = rating.rated.readValuesToList();

        // 2 requests: 2¢; 3 requests: all at ½¢ = 1.5¢, so the third request is charged −0.5¢
        assertThat(lines).extracting(RatedUsage::chargeMicrocents)
                .containsExactly(Microcents.of(20_000), Microcents.of(-5_000));
        assertThat(total(lines)).isEqualTo(Microcents.of(15_000));
    }

    private void send(long... inputTokens) {
        for (int i = 0; i < inputTokens.length; i++) {
            UsageEvent event = tokens(ACME, NOV_1.plusSeconds(i + 1L), inputTokens[i], 0);
            rating.send(event);
        }
    }

    private static Microcents total(List<RatedUsage> lines) {
        return lines.stream().map(RatedUsage::chargeMicrocents).reduce(Microcents.ZERO, Microcents::plus);
    }
}
