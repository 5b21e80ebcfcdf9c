package io.microcent.deploy.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaPerfOutputTest {

    @Test
    void reads_the_producer_summary_not_its_progress_lines() {
        List<String> stdout = List.of(
                "1123456 records sent, 224601.2 records/sec (64.26 MB/sec), 80.5 ms avg latency, 612.0 ms max latency.",
                "3000000 records sent, 251234.567890 records/sec (71.88 MB/sec), 75.12 ms avg latency, 612.00 ms max latency, "
                        + "61 ms 50th, 180 ms 95th, 260 ms 99th, 540 ms 99.9th.");

        KafkaPerfOutput.Produced produced = KafkaPerfOutput.produced(stdout);

        assertThat(produced).isEqualTo(new KafkaPerfOutput.Produced(3_000_000, 251_234.567890, 71.88, 75.12, 612.0, 61, 260));
        assertThat(produced.seconds()).isBetween(11.9, 12.0);
    }

    @Test
    void output_without_a_summary_is_an_error_that_shows_it() {
        assertThatThrownBy(() -> KafkaPerfOutput.produced(List.of("org.apache.kafka.common.errors.TimeoutException")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TimeoutException");
    }

    @Test
    void reads_the_consumer_line_under_its_header() {
        List<String> stdout = List.of(
                "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, "
                        + "fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec",
                "2026-12-02 08:00:00:000, 2026-12-02 08:00:07:500, 858.3069, 114.4409, 3000000, 400000.0000, 3012, 4488, "
                        + "191.2448, 668449.1979");

        assertThat(KafkaPerfOutput.consumed(stdout)).isEqualTo(new KafkaPerfOutput.Consumed(3_000_000, 668_449.1979, 4_488, 3_012));
    }
}
