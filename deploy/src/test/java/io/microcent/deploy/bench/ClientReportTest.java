package io.microcent.deploy.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientReportTest {

    private static final LoadFigures FROM_0 = new LoadFigures(4_000, 1, 3_999, 1_795_000_000_123_456L, 2_500_000_000L,
            new Percentiles(4_000, 1_200, 2_000, 4_500, 9_000, 12_345));
    private static final LoadFigures FROM_MANY = new LoadFigures(4_000, 0, 4_000, 1_795_000_030_000_000L, 3_000_000_000L,
            new Percentiles(4_000, 1_500, 2_500, 5_500, 10_000, 20_000));

    @Test
    void its_line_reads_back_as_the_same_report_in_the_same_order() {
        Map<String, LoadFigures> runs = new LinkedHashMap<>();
        runs.put("from-0", FROM_0);
        runs.put("from-many", FROM_MANY);
        ClientReport report = new ClientReport(LoadClient.AUTHORIZE_CLOSED, runs, 412_345, 6L << 30);

        String line = report.line();
        ClientReport read = ClientReport.parse(line);

        assertThat(line).doesNotContain("\n").startsWith("{");
        assertThat(read).isEqualTo(report);
        assertThat(read.runs().keySet()).containsExactly("from-0", "from-many");
        assertThat(read.run("from-0").latency().p99()).isEqualTo(4_500);
    }

    @Test
    void is_found_among_other_lines_on_the_clients_standard_output() {
        ClientReport report = new ClientReport(LoadClient.INGEST_OPEN, Map.of("measured", FROM_0), 1, 2);

        ClientReport found = ClientReport.from(List.of("12:00:01.000 WARN  SomeLibrary something", report.line(), ""));

        assertThat(found).isEqualTo(report);
    }

    @Test
    void a_client_that_printed_no_report_is_an_error_that_shows_what_it_printed() {
        assertThatThrownBy(() -> ClientReport.from(List.of("Exception in thread main")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Exception in thread main");
    }

    @Test
    void a_missing_run_is_named() {
        ClientReport report = new ClientReport(LoadClient.INGEST_OPEN, Map.of("measured", FROM_0), 1, 2);

        assertThatThrownBy(() -> report.run("warm-up")).hasMessageContaining("warm-up");
    }
}
