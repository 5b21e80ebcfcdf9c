package io.microcent.console.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dollars typed in console forms, read exactly. */
class DollarInputTest {

    @Test
    void dollarsAsTypedAreExactMicrocents() {
        assertThat(DollarInput.microcents("$12.345678")).isEqualTo(12_345_678L);
        assertThat(DollarInput.microcents("1,200")).isEqualTo(1_200_000_000L);
        assertThat(DollarInput.microcents("0.1")).isEqualTo(100_000L);
        assertThat(DollarInput.microcents(" 3.000000 ")).isEqualTo(3_000_000L);
        // 0.29 × 10^6 as a double is 289999.99999999994: the decimal text is moved, never multiplied as a binary fraction
        assertThat(DollarInput.microcents("0.29")).isEqualTo(290_000L);
    }

    @Test
    void aFractionOfAMicrocentOrSomethingElseIsRefusedNotRounded() {
        assertThatThrownBy(() -> DollarInput.microcents("1.0000001")).isInstanceOf(DollarInput.Invalid.class).hasMessageContaining("6 decimals");
        assertThatThrownBy(() -> DollarInput.microcents("12e3")).isInstanceOf(DollarInput.Invalid.class);
        assertThatThrownBy(() -> DollarInput.microcents("-5")).isInstanceOf(DollarInput.Invalid.class);
        assertThatThrownBy(() -> DollarInput.microcents("")).isInstanceOf(DollarInput.Invalid.class).hasMessage("required");
        assertThatThrownBy(() -> DollarInput.microcents("99999999999999999999")).isInstanceOf(DollarInput.Invalid.class).hasMessage("too large");
    }

    @Test
    void pricesPerMillionTokensArePricesPerTokenExactly() {
        assertThat(DollarInput.perTokenOfPerMillion("2.50")).isEqualTo("0.0000025");
        assertThat(DollarInput.perTokenOfPerMillion("0.000001")).isEqualTo("0.000000000001");
        assertThat(DollarInput.perTokenOfPerMillion(" ")).isNull();
        assertThat(DollarInput.perMillionOfPerToken("0.0000025")).isEqualTo("2.5");
        assertThat(DollarInput.perMillionOfPerToken("0.00000125")).isEqualTo("1.25");
    }
}
