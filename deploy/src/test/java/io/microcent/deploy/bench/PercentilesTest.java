package io.microcent.deploy.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PercentilesTest {

    @Test
    void reads_the_percentiles_of_a_histogram() {
        Histogram histogram = Percentiles.histogram();
        for (long micros = 1; micros <= 10_000; micros++) {
            Percentiles.record(histogram, micros);
        }

        Percentiles percentiles = Percentiles.of(histogram);

        assertThat(percentiles.count()).isEqualTo(10_000);
        // three significant digits: within 0.1 %
        assertThat(percentiles.p50()).isCloseTo(5_000L, within(5L));
        assertThat(percentiles.p90()).isCloseTo(9_000L, within(9L));
        assertThat(percentiles.p99()).isCloseTo(9_900L, within(10L));
        assertThat(percentiles.p999()).isCloseTo(9_990L, within(10L));
        assertThat(percentiles.max()).isCloseTo(10_000L, within(10L));
    }

    @Test
    void an_outlier_beyond_the_histogram_is_kept_as_its_ceiling_and_a_negative_one_as_zero() {
        Histogram histogram = Percentiles.histogram();
        Percentiles.record(histogram, Long.MAX_VALUE);
        Percentiles.record(histogram, -5);

        Percentiles percentiles = Percentiles.of(histogram);

        assertThat(percentiles.count()).isEqualTo(2);
        assertThat(percentiles.max()).isGreaterThanOrEqualTo(histogram.getHighestTrackableValue());
        assertThat(histogram.getMinValue()).isZero();
    }

    @Test
    void of_an_empty_histogram_is_none() {
        assertThat(Percentiles.of(Percentiles.histogram())).isEqualTo(Percentiles.NONE);
    }

    @Test
    void prints_milliseconds() {
        assertThat(new Percentiles(3, 1_234, 0, 56_780, 0, 250_000).p50p99max())
                .isEqualTo("p50 1.23 ms, p99 56.78 ms, max 250 ms");
    }
}
