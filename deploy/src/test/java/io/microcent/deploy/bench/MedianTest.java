package io.microcent.deploy.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MedianTest {

    @Test
    void of_an_odd_count_is_the_middle_value_whatever_the_order() {
        assertThat(Median.of(List.of(310_000.0, 120_000.0, 250_000.0))).isEqualTo(250_000.0);
    }

    @Test
    void of_an_even_count_is_the_mean_of_the_two_middle_values() {
        assertThat(Median.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void of_one_run_is_that_run() {
        assertThat(Median.of(List.of(7.0))).isEqualTo(7.0);
    }

    @Test
    void of_no_runs_is_refused() {
        assertThatThrownBy(() -> Median.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
