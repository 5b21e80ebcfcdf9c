package io.microcent.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchEventsTest {

    private static final Instant AT = Instant.parse("2026-11-15T00:00:00Z");

    @Test
    void a_runs_events_are_split_into_batches_each_event_once() throws IOException {
        List<byte[]> bodies = BenchEvents.bodies("run", 2_500, 1_000, 16, AT);

        assertThat(bodies).hasSize(3);
        JsonNode last = new ObjectMapper().readTree(bodies.get(2));
        assertThat(last).hasSize(500);
        assertThat(last.get(0).path("id").asText()).isEqualTo("run-2000");
        assertThat(last.get(499).path("id").asText()).isEqualTo("run-2499");
    }

    @Test
    void an_event_names_its_customer_round_robin_and_the_run_time() throws IOException {
        JsonNode event = new ObjectMapper().readTree(BenchEvents.body("open", 17, 18, 16, AT)).get(0);

        assertThat(event.path("id").asText()).isEqualTo("open-17");
        assertThat(event.path("customer").asText()).isEqualTo("bench-1");
        assertThat(event.path("timestamp").asText()).isEqualTo("2026-11-15T00:00:00Z");
        assertThat(event.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(event.path("inputTokens").asInt()).isEqualTo(117);
    }
}
