package io.microcent.model.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateTest {

    @ParameterizedTest(name = "${0} per unit × {1} = {2} microcents")
    @CsvSource({
            "2.5e-06, 1, 2",          // gpt-4o input: 2.5 µ¢ per token, one token rounds half-even to 2
            "2.5e-06, 3, 8",          // 7.5 → 8
            "2.5e-06, 1000000, 2500000",
            "0.01, 523, 5230000",     // Starter overage
            "0.005, 3, 15000",
            "1.25e-07, 7, 1",         // 0.875 → 1
            "0, 1000, 0",
    })
    void prices_units_exactly_and_rounds_once(String dollarsPerUnit, long units, long microcents) {
        assertThat(Rate.ofDollars(dollarsPerUnit).costOf(units).value()).isEqualTo(microcents);
    }

    @Test
    void parses_scientific_notation_without_binary_floating_point() {
        // 1e-07 as a double is 9.99999999999999954748e-08; as text it stays exact
        assertThat(Rate.ofDollars("1e-07").microcentsPerUnit()).isEqualByComparingTo("0.1");
        assertThat(Rate.ofDollars("3e-06").exactCostOf(3)).isEqualByComparingTo("9");
    }

    @Test
    void applies_a_markup_exactly() {
        assertThat(Rate.ofMicrocents("2.5").times(new BigDecimal("1.2"))).isEqualTo(Rate.ofMicrocents("3"));
    }

    @Test
    void equal_rates_are_equal_whatever_their_scale() {
        assertThat(Rate.ofMicrocents("2.50")).isEqualTo(Rate.ofMicrocents("2.5")).hasSameHashCodeAs(Rate.ofMicrocents("2.5"));
    }

    @Test
    void refuses_negative_rates() {
        assertThatThrownBy(() -> Rate.ofMicrocents("-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
