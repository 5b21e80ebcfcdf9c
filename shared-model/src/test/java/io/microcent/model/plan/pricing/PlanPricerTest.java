package io.microcent.model.plan.pricing;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.Charge;
import io.microcent.model.plan.ChargeModel;
import io.microcent.model.plan.Meter;
import io.microcent.model.plan.Plan;
import io.microcent.model.plan.Tier;
import io.microcent.model.plan.TokenPassThrough;
import io.microcent.model.usage.UsageEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanPricerTest {

    /** 100 requests included then 1,000 µ¢ each; output tokens graduated; tokens passed through at +20 %. */
    private static final Plan HYBRID = new Plan(PlanId.of("hybrid"), "Hybrid", Microcents.ofDollars("49"),
            List.of(new Charge(Meter.REQUESTS, new ChargeModel.Allowance(100, Rate.ofMicrocents("1000"))),
                    new Charge(Meter.OUTPUT_TOKENS, new ChargeModel.GraduatedTiers(List.of(
                            Tier.upTo(1_000, Rate.ofMicrocents("0")),
                            Tier.upTo(Tier.UNBOUNDED, Rate.ofMicrocents("4")))))),
            Optional.of(new TokenPassThrough(new BigDecimal("0.20"))));

    private final PlanPricer pricer = PlanPricer.of(HYBRID);

    @Test
    void addsEveryChargeOfThePlanAndThePassThroughButNeverTheBaseFee() {
        MeterTotals before = new MeterTotals(98, 5_000, 990, 5_990);

        EventCharge charge = pricer.price(before, event(5, 300, 20), new BigDecimal("2500"));

        assertThat(charge.after()).isEqualTo(new MeterTotals(103, 5_300, 1_010, 6_310));
        assertThat(charge.includedRequests()).isEqualTo(2);
        assertThat(charge.overageRequests()).isEqualTo(3);
        // 3 requests × 1,000 + 10 output tokens beyond 1,000 × 4 + 2,500 × 1.2
        assertThat(charge.charge()).isEqualTo(Microcents.of(3_000 + 40 + 3_000));
    }

    @Test
    void aPlanWithoutARequestAllowanceCountsEveryRequestAsOverage() {
        Plan credits = new Plan(PlanId.of("credits"), "Credits", Microcents.ZERO, List.of(),
                Optional.of(new TokenPassThrough(BigDecimal.ZERO)));

        EventCharge charge = PlanPricer.of(credits).price(MeterTotals.NONE, event(4, 10, 10), new BigDecimal("77.4"));

        assertThat(charge.includedRequests()).isZero();
        assertThat(charge.overageRequests()).isEqualTo(4);
        assertThat(charge.charge()).isEqualTo(Microcents.of(77));
    }

    @Test
    void aPlanWithoutPassThroughDoesNotChargeTheProviderCost() {
        Plan starter = Plan.requestAllowance(PlanId.of("starter"), "Starter", Microcents.ofDollars("9"),
                1_000, Rate.ofDollars("0.01"));

        EventCharge charge = PlanPricer.of(starter).price(MeterTotals.NONE, event(1, 100, 100), new BigDecimal("5000"));

        assertThat(charge.charge()).isEqualTo(Microcents.ZERO);
    }

    @Test
    void totalsThatWouldOverflowAreRefused() {
        MeterTotals nearlyFull = new MeterTotals(Long.MAX_VALUE, 0, 0, 0);

        assertThatThrownBy(() -> pricer.price(nearlyFull, event(1, 0, 0), BigDecimal.ZERO))
                .isInstanceOf(ArithmeticException.class);
    }

    private static UsageEvent event(long requests, long inputTokens, long outputTokens) {
        Instant at = Instant.parse("2026-11-03T10:00:00Z");
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-1"), CustomerId.of("acme"), at, at,
                null, null, null, null, null, "openai", ModelId.of("gpt-4o"), requests, inputTokens, outputTokens, 0, 0);
    }
}
