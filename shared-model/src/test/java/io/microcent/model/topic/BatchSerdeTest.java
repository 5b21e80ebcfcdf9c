package io.microcent.model.topic;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageBatch;
import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchSerdeTest {

    private static UsageEvent event(String id, String customer) {
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of(id), CustomerId.of(customer),
                Instant.parse("2026-11-05T10:00:00Z"), Instant.parse("2026-11-05T10:00:01Z"), null, null, null, null, null,
                "openai", ModelId.of("gpt-4o"), 1, 100, 20, 0, 0);
    }

    @Test
    void a_usage_batch_round_trips_in_order() {
        UsageBatch batch = new UsageBatch(List.of(event("e-2", "acme"), event("e-1", "globex")));
        var serde = Topics.USAGE_EVENT_BATCHES.valueSerde();
        byte[] bytes = serde.serializer().serialize("usage.events", batch);
        assertThat(serde.deserializer().deserialize("usage.events", bytes)).isEqualTo(batch);
    }

    @Test
    void a_record_of_one_event_written_before_batches_reads_as_a_batch_of_one() {
        UsageEvent single = event("e-1", "acme");
        byte[] bytes = Topics.USAGE_EVENTS.valueSerde().serializer().serialize("usage.events", single);
        assertThat(Topics.USAGE_EVENT_BATCHES.valueSerde().deserializer().deserialize("usage.events", bytes))
                .isEqualTo(UsageBatch.of(single));
    }

    @Test
    void a_rated_batch_round_trips_and_a_single_line_reads_as_a_batch_of_one() {
        RatedUsage line = new RatedUsage(event("e-1", "acme"), BillingPeriod.parse("2026-11"), PlanId.of("starter"), 0, 1,
                Microcents.of(2_500), Microcents.of(10_000));
        var serde = Topics.USAGE_RATED_BATCHES.valueSerde();
        RatedBatch batch = new RatedBatch(List.of(line, line));
        assertThat(serde.deserializer().deserialize("usage.rated", serde.serializer().serialize("usage.rated", batch))).isEqualTo(batch);
        byte[] single = Topics.USAGE_RATED.valueSerde().serializer().serialize("usage.rated", line);
        assertThat(serde.deserializer().deserialize("usage.rated", single)).isEqualTo(RatedBatch.of(line));
    }

    @Test
    void an_empty_batch_is_refused_when_written_and_when_read() {
        assertThatThrownBy(() -> new UsageBatch(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.USAGE_EVENT_BATCHES.valueSerde().deserializer()
                .deserialize("usage.events", " []".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("at least one event");
    }

    @Test
    void bytes_that_are_no_batch_are_a_serialization_error() {
        assertThatThrownBy(() -> Topics.USAGE_EVENT_BATCHES.valueSerde().deserializer()
                .deserialize("usage.events", "[{\"id\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }
}
