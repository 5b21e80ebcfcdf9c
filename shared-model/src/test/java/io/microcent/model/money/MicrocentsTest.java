package io.microcent.model.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MicrocentsTest {

    @ParameterizedTest(name = "${0} is {1} microcents")
    @CsvSource({
            "9, 9000000",
            "0.01, 10000",
            "0.000001, 1",
            "5.23, 5230000",
            "-1.5, -1500000",
    })
    void parses_dollars_exactly(String dollars, long microcents) {
        assertThat(Microcents.ofDollars(dollars).value()).isEqualTo(microcents);
    }

    @Test
    void refuses_dollars_finer_than_a_microcent() {
        assertThatThrownBy(() -> Microcents.ofDollars("0.0000001")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} rounds to {1}")
    @CsvSource({
            "2.5, 2",    // half to even
            "3.5, 4",
            "2.4999, 2",
            "2.5001, 3",
            "-2.5, -2",
            "0, 0",
    })
    void rounds_half_even_to_a_whole_microcent(String exact, long rounded) {
        assertThat(Microcents.round(new BigDecimal(exact)).value()).isEqualTo(rounded);
    }

    @ParameterizedTest(name = "{0} displays as {1}")
    @CsvSource({
            "5230000, $5.23",
            "1, $0.00",
            "5000, $0.00",   // half a cent rounds to the even cent
            "15000, $0.02",
            "-1500000, -$1.50",
    })
    void displays_dollars_to_the_cent(long microcents, String display) {
        assertThat(Microcents.of(microcents).toDisplayDollars()).isEqualTo(display);
    }

    @Test
    void arithmetic_is_exact_and_refuses_overflow() {
        assertThat(Microcents.ofCents(1).times(523)).isEqualTo(Microcents.of(5_230_000));
        assertThat(Microcents.of(7).plus(Microcents.of(5)).minus(Microcents.of(2))).isEqualTo(Microcents.of(10));
        assertThatThrownBy(() -> Microcents.of(Long.MAX_VALUE).plus(Microcents.of(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void keeps_exact_dollars_for_exports() {
        assertThat(Microcents.of(2_500_001).toDollars()).isEqualByComparingTo("2.500001");
    }

    @Test
    void estimates_round_up_so_they_never_fall_short() {
        assertThat(Microcents.roundUp(new BigDecimal("2.1"))).isEqualTo(Microcents.of(3));
        assertThat(Microcents.roundUp(new BigDecimal("2.0"))).isEqualTo(Microcents.of(2));
        assertThat(Microcents.roundUp(new BigDecimal("0.0001"))).isEqualTo(Microcents.of(1));
    }
}
