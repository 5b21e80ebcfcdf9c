package io.microcent.model.plan.pricing;

import io.microcent.model.money.Microcents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlatFeePricerTest {

    @ParameterizedTest(name = "${0} a month, {1} of {2} days: {3} µ¢")
    @CsvSource({
            "9,  30, 30, 9000000",
            "9,  15, 30, 4500000",
            "9,  1,  30, 300000",
            "9,  10, 31, 2903226",   // 2,903,225.806… rounded once
            "29, 1,  31, 935484",    // 935,483.870…
            "99, 0,  28, 0",
    })
    void chargesTheDaysOnThePlanInProportion(String dollars, long days, long daysInPeriod, long microcents) {
        FlatFeePricer fee = new FlatFeePricer(Microcents.ofDollars(dollars));

        assertThat(fee.forDays(days, daysInPeriod)).isEqualTo(Microcents.of(microcents));
    }

    @Test
    void aWholePeriodIsTheMonthlyFee() {
        assertThat(new FlatFeePricer(Microcents.ofDollars("29")).forWholePeriod()).isEqualTo(Microcents.ofDollars("29"));
    }

    @Test
    void moreDaysThanThePeriodHasAreRefused() {
        FlatFeePricer fee = new FlatFeePricer(Microcents.ofDollars("9"));

        assertThatThrownBy(() -> fee.forDays(31, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fee.forDays(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
