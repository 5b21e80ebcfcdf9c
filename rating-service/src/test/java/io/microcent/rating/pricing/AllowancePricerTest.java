package io.microcent.rating.pricing;

import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowancePricerTest {

    /** Starter: 1,000 requests included, then $0.01 (10,000 microcents) per request. */
    private static final Plan STARTER = new Plan(PlanId.of("starter"), "Starter", Microcents.ofDollars("9"),
            1_000, Rate.ofDollars("0.01"));

    @ParameterizedTest(name = "{0}: {1} used + {2} → {3} included, {4} overage, {5} µ¢")
    @CsvSource(textBlock = """
            # scenario,                         consumedBefore, requests, included, overage, charge
            allowance not reached,                           0,       10,       10,       0,      0
            exactly reached by the event,                  990,       10,       10,       0,      0
            crossing within one event,                     995,       10,        5,       5,  50000
            one event larger than the allowance,             0,     1523,     1000,     523, 5230000
            fully beyond the allowance,                   1000,        3,        0,       3,  30000
            long past the allowance,                      7500,        1,        0,       1,  10000
            zero-request event inside the allowance,       500,        0,        0,       0,      0
            zero-request event beyond the allowance,      1500,        0,        0,       0,      0
            """)
    void splitsRequestsAtTheAllowance(String scenario, long consumedBefore, long requests,
                                      long included, long overage, long chargeMicrocents) {
        AllowanceCharge charge = AllowancePricer.price(STARTER, consumedBefore, requests);

        assertThat(charge).isEqualTo(new AllowanceCharge(included, overage, Microcents.of(chargeMicrocents)));
    }

    @Test
    void overageFinerThanAMicrocentIsRoundedOnceHalfEven() {
        Plan perToken = new Plan(PlanId.of("metered"), "Metered", Microcents.ZERO, 0, Rate.ofMicrocents("2.5"));

        assertThat(AllowancePricer.price(perToken, 0, 3).charge()).isEqualTo(Microcents.of(8)); // 7.5 → 8
        assertThat(AllowancePricer.price(perToken, 0, 5).charge()).isEqualTo(Microcents.of(12)); // 12.5 → 12
    }

    @Test
    void negativeRequestCountsAreRefused() {
        assertThatThrownBy(() -> AllowancePricer.price(STARTER, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AllowancePricer.price(STARTER, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
