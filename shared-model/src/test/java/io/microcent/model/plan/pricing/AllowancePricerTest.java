package io.microcent.model.plan.pricing;

import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.pricing.AllowancePricer.AllowanceSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowancePricerTest {

    /** Starter: 1,000 requests included, then $0.01 (10,000 microcents) per request. */
    private static final AllowancePricer STARTER = new AllowancePricer(1_000, Rate.ofDollars("0.01"));

    @ParameterizedTest(name = "{0}: {1} used + {2} → {3} included, {4} overage, {5} µ¢")
    @CsvSource(textBlock = """
            # scenario,                         before, requests, included, overage, charge
            allowance not reached,                   0,       10,       10,       0,      0
            exactly reached by the event,          990,       10,       10,       0,      0
            crossing within one event,             995,       10,        5,       5,  50000
            one event larger than the allowance,     0,     1523,     1000,     523, 5230000
            fully beyond the allowance,           1000,        3,        0,       3,  30000
            long past the allowance,              7500,        1,        0,       1,  10000
            zero-request event inside,             500,        0,        0,       0,      0
            zero-request event beyond,            1500,        0,        0,       0,      0
            """)
    void splitsRequestsAtTheAllowanceAndChargesTheOverage(String scenario, long before, long requests,
                                                          long included, long overage, long charge) {
        assertThat(AllowancePricer.split(1_000, before, requests)).isEqualTo(new AllowanceSplit(included, overage));
        assertThat(STARTER.chargeBetween(before, before + requests)).isEqualTo(Microcents.of(charge));
    }

    @ParameterizedTest(name = "{0} included at {1} µ¢ each: total({2}) = {3} µ¢")
    @CsvSource({
            "1000, 10000, 0,    0",
            "1000, 10000, 1000, 0",
            "1000, 10000, 1523, 5230000",
            "0,    2.5,   3,    7.5",     // no allowance: a plain unit price, exact below a microcent
            "0,    0,     99,   0",
    })
    void theTotalIsTheOverageTimesTheUnitPriceExactly(long included, String microcentsPerUnit, long quantity, String total) {
        AllowancePricer pricer = new AllowancePricer(included, Rate.ofMicrocents(microcentsPerUnit));

        assertThat(pricer.total(quantity)).isEqualByComparingTo(total);
    }

    @Test
    void aUnitPriceFinerThanAMicrocentRoundsThePeriodTotalNotEachEvent() {
        AllowancePricer perToken = new AllowancePricer(0, Rate.ofMicrocents("2.5"));

        // one unit at a time: 2.5 → 2, 5 → 5, 7.5 → 8, 10 → 10, so the lines are 2, 3, 3, 2
        assertThat(perToken.chargeBetween(0, 1)).isEqualTo(Microcents.of(2));
        assertThat(perToken.chargeBetween(1, 2)).isEqualTo(Microcents.of(3));
        assertThat(perToken.chargeBetween(2, 3)).isEqualTo(Microcents.of(3));
        assertThat(perToken.chargeBetween(3, 4)).isEqualTo(Microcents.of(2));
        assertThat(perToken.chargeBetween(0, 5)).isEqualTo(Microcents.of(12)); // 12.5 → 12, half-even
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> AllowancePricer.split(1_000, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AllowancePricer.split(1_000, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> STARTER.chargeBetween(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTotalBeyondWholeMicrocentsInALongIsOutOfRange() {
        assertThatThrownBy(() -> STARTER.chargeBetween(0, Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
    }
}
