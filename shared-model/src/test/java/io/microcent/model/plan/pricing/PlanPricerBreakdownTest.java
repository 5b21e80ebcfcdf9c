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
import io.microcent.model.usage.ChargeAmount;
import io.microcent.model.usage.UsageEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An event's charge, charge by charge: one amount per charge of the plan, adding up to the event's charge. */
class PlanPricerBreakdownTest {

    /** One charge of each model, each on its own meter, and the pass-through at +50 %. */
    private static final Plan EVERY_MODEL = new Plan(PlanId.of("every-model"), "Every model", Microcents.ofDollars("10"),
            List.of(new Charge(Meter.REQUESTS, new ChargeModel.Allowance(2, Rate.ofMicrocents("1000"))),
                    new Charge(Meter.INPUT_TOKENS, new ChargeModel.GraduatedTiers(List.of(
                            Tier.upTo(100, Rate.ofMicrocents("1")),
                            new Tier(Tier.UNBOUNDED, Rate.ofMicrocents("0.5"), Microcents.of(7))))),
                    new Charge(Meter.OUTPUT_TOKENS, new ChargeModel.VolumeTiers(List.of(
                            Tier.upTo(50, Rate.ofMicrocents("10")),
                            Tier.upTo(Tier.UNBOUNDED, Rate.ofMicrocents("2"))))),
                    new Charge(Meter.TOTAL_TOKENS, new ChargeModel.PackagePrice(0, 1_000, Rate.ofMicrocents("300")))),
            Optional.of(new TokenPassThrough(new BigDecimal("0.5"))));

    private static final PlanPricer PRICER = PlanPricer.of(EVERY_MODEL);

    @ParameterizedTest(name = "before {0}/{1}/{2}, event {3}/{4}/{5}, cost {6}")
    @CsvSource({
            // before: requests, input, output; event: requests, input, output; exact cost; then the expected
            // amounts: requests (allowance), input (graduated), output (volume), total (package), pass-through
            "0, 0,   0,  1, 10, 5,  100.4, 0,    10,  50,  300, 151",
            // input from 10 to 105: 90 at 1 µ¢, the second tier's 7 µ¢ and 5 at 0.5 µ¢ (109.5 → 110 − 10)
            "1, 10,  5,  3, 95, 20, 0,     2000, 100, 200, 0,   0",
            // output 45 → 60 moves the period into the cheaper volume tier: a credit of 450 − 120 = −330
            "4, 105, 45, 0, 0,  15, 33.3,  0,    0,   -330, 0,  50",
            // input from 90 to 1,090: 10 at 1 µ¢, 990 at 0.5 µ¢ and the second tier's flat fee 7 µ¢
            "4, 90,  60, 1, 1000, 0, 0,    1000, 512, 0,   300, 0",
    })
    void everyChargeOfThePlanGetsItsAmountAndTheAmountsAddUpToTheCharge(
            long requestsBefore, long inputBefore, long outputBefore, long requests, long input, long output, String cost,
            long requestsAmount, long inputAmount, long outputAmount, long totalAmount, long passThroughAmount) {
        MeterTotals before = new MeterTotals(requestsBefore, inputBefore, outputBefore, inputBefore + outputBefore);

        EventCharge charge = PRICER.price(before, event(requests, input, output), new BigDecimal(cost));

        assertThat(charge.charges()).containsExactly(
                new ChargeAmount("requests", requests, Microcents.of(requestsAmount)),
                new ChargeAmount("input_tokens", input, Microcents.of(inputAmount)),
                new ChargeAmount("output_tokens", output, Microcents.of(outputAmount)),
                new ChargeAmount("total_tokens", input + output, Microcents.of(totalAmount)),
                new ChargeAmount("token_pass_through", input + output, Microcents.of(passThroughAmount)));
        assertThat(charge.charge()).isEqualTo(
                Microcents.of(requestsAmount + inputAmount + outputAmount + totalAmount + passThroughAmount));
    }

    @Test
    void aPlanOfOnlyAPassThroughHasOneChargeCountingAllTokens() {
        Plan credits = new Plan(PlanId.of("credits"), "Credits", Microcents.ZERO, List.of(),
                Optional.of(new TokenPassThrough(BigDecimal.ZERO)));
        UsageEvent event = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-1"), CustomerId.of("acme"), AT, AT,
                null, null, null, null, null, "openai", ModelId.of("gpt-4o"), 1, 10, 20, 30, 40);

        EventCharge charge = PlanPricer.of(credits).price(MeterTotals.NONE, event, new BigDecimal("77.5"));

        assertThat(charge.charges()).containsExactly(new ChargeAmount(ChargeAmount.TOKEN_PASS_THROUGH, 100, Microcents.of(78)));
    }

    @Test
    void aPlanWithoutChargesHasNone() {
        Plan feeOnly = new Plan(PlanId.of("fee-only"), "Fee only", Microcents.ofDollars("5"), List.of(), Optional.empty());

        EventCharge charge = PlanPricer.of(feeOnly).price(MeterTotals.NONE, event(3, 10, 10), new BigDecimal("50"));

        assertThat(charge.charges()).isEmpty();
        assertThat(charge.charge()).isEqualTo(Microcents.ZERO);
    }

    @Test
    void theChargesKeepThePlansOrder() {
        Plan outputFirst = new Plan(PlanId.of("output-first"), "Output first", Microcents.ZERO,
                List.of(new Charge(Meter.OUTPUT_TOKENS, new ChargeModel.Allowance(0, Rate.ofMicrocents("1"))),
                        new Charge(Meter.REQUESTS, new ChargeModel.Allowance(0, Rate.ofMicrocents("1")))),
                Optional.empty());

        EventCharge charge = PlanPricer.of(outputFirst).price(MeterTotals.NONE, event(1, 0, 2), BigDecimal.ZERO);

        assertThat(charge.charges()).extracting(ChargeAmount::charge).containsExactly("output_tokens", "requests");
        assertThat(ChargeAmount.keysOf(outputFirst)).containsExactly("output_tokens", "requests");
    }

    @Test
    void aChargeThatWouldOverflowIsStillRefused() {
        Plan huge = new Plan(PlanId.of("huge"), "Huge", Microcents.ZERO,
                List.of(new Charge(Meter.REQUESTS, new ChargeModel.Allowance(0, Rate.ofMicrocents("1"))),
                        new Charge(Meter.OUTPUT_TOKENS, new ChargeModel.Allowance(0, Rate.ofMicrocents("1")))),
                Optional.empty());
        // each charge fits a long on its own; their sum does not
        long half = Long.MAX_VALUE / 2 + 1;

        assertThatThrownBy(() -> PlanPricer.of(huge).price(MeterTotals.NONE, event(half, 0, half), BigDecimal.ZERO))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void anEventChargeWhoseChargesDoNotAddUpCannotExist() {
        List<ChargeAmount> charges = List.of(new ChargeAmount("requests", 1, Microcents.of(10)));

        assertThatThrownBy(() -> new EventCharge(MeterTotals.NONE, 0, 1, Microcents.of(11), charges))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not add up");
    }

    @Test
    void aPassThroughChargeCountsTotalTokensAndAMeteredOneItsMeter() {
        assertThat(ChargeAmount.meterOf("token_pass_through")).isEqualTo(Meter.TOTAL_TOKENS);
        assertThat(ChargeAmount.meterOf("input_tokens")).isEqualTo(Meter.INPUT_TOKENS);
    }

    private static final Instant AT = Instant.parse("2026-11-03T10:00:00Z");

    private static UsageEvent event(long requests, long inputTokens, long outputTokens) {
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-1"), CustomerId.of("acme"), AT, AT,
                null, null, null, null, null, "openai", ModelId.of("gpt-4o"), requests, inputTokens, outputTokens, 0, 0);
    }
}
