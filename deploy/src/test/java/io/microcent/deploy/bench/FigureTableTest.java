package io.microcent.deploy.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FigureTableTest {

    @Test
    void is_a_markdown_table_in_the_order_rows_were_added() {
        String table = new FigureTable()
                .row("HTTP ingest", "21,000 ev/s")
                .row("a | b", "1 ms")
                .markdown();

        assertThat(table).isEqualTo("""
                | figure | measured |
                | --- | --- |
                | HTTP ingest | 21,000 ev/s |
                | a \\| b | 1 ms |
                """);
    }
}
