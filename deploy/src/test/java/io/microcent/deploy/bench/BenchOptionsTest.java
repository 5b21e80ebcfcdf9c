package io.microcent.deploy.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    @Test
    void without_options_runs_the_documented_defaults() {
        assertThat(BenchOptions.parse(List.of()))
                .isEqualTo(new BenchOptions(300_000, 1_000, 4, 16, 50_000, 100, 10, 5_000, 20_000, 3, false));
    }

    @Test
    void takes_each_option_given_and_defaults_the_rest() {
        BenchOptions options = BenchOptions.parse(List.of("--events", "200000", "--ingest-rate", "20000", "--raw-runs", "5"));

        assertThat(options.events()).isEqualTo(200_000);
        assertThat(options.ingestRate()).isEqualTo(20_000);
        assertThat(options.rawRuns()).isEqualTo(5);
        assertThat(options.batchSize()).isEqualTo(1_000);
        assertThat(options.ingestEvents()).isEqualTo(200_000L);
    }

    @Test
    void only_authorize_skips_the_ingest_phases_and_nothing_else_is_taken() {
        assertThat(BenchOptions.parse(List.of("--only", "authorize")).onlyAuthorize()).isTrue();
        assertThat(BenchOptions.parse(List.of("--only", "all")).onlyAuthorize()).isFalse();
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--only", "ingest")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--only must be authorize");
    }

    @Test
    void refuses_a_mistyped_option_instead_of_running_the_default() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--event", "200000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --event");
    }

    @Test
    void refuses_an_option_without_value_a_non_number_zero_and_a_repeat() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--events")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--events needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--events", "lots")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--events must be a whole number");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--concurrency", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--batch", "10", "--batch", "20")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
    }

    @Test
    void only_analytics_runs_the_analytics_part_with_its_own_options() {
        List<String> args = List.of("--only", "analytics", "--analytics-customers", "50");
        assertThat(BenchOptions.only(args)).contains("analytics");
        assertThat(AnalyticsOptions.parse(args)).isEqualTo(new AnalyticsOptions(50, 200));
        assertThat(BenchOptions.only(List.of("--events", "10"))).isEmpty();
        assertThatThrownBy(() -> BenchOptions.only(List.of("--only", "analytic")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[all, analytics, authorize]");
        assertThatThrownBy(() -> AnalyticsOptions.parse(List.of("--only", "analytics", "--events", "10")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--events");
    }
}
