package io.microcent.model.topic;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

    private static final UsageEvent EVENT = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-1"), CustomerId.of("acme"),
            Instant.parse("2026-11-05T10:00:00Z"), Instant.parse("2026-11-05T10:00:01Z"), null, null, null, null, null,
            "openai", ModelId.of("gpt-4o"), 1, 100, 20, 0, 0);

    @Test
    void topic_names_are_unique() {
        assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates();
    }

    @Test
    void customer_keys_are_plain_text_so_any_client_partitions_alike() {
        byte[] key = Topics.CUSTOMER_KEY.serializer().serialize("usage.events", CustomerId.of("acme"));
        assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo("acme");
        assertThat(Topics.CUSTOMER_KEY.deserializer().deserialize("usage.events", key)).isEqualTo(CustomerId.of("acme"));
    }

    @Test
    void the_customer_of_a_raw_record_is_read_from_the_key_of_topics_keyed_by_customer_only() {
        byte[] acme = "acme".getBytes(StandardCharsets.UTF_8);
        assertThat(Topics.customerOfKey("usage.events", acme)).contains(CustomerId.of("acme"));
        assertThat(Topics.customerOfKey("usage.rated", acme)).contains(CustomerId.of("acme"));
        assertThat(Topics.customerOfKey("price.book", acme)).as("keyed by model").isEmpty();
        assertThat(Topics.customerOfKey("caps.state", acme)).as("keyed by cap and period").isEmpty();
        assertThat(Topics.customerOfKey("usage.events", "a\u0000".getBytes(StandardCharsets.UTF_8))).as("not an id").isEmpty();
        assertThat(Topics.customerOfKey("usage.events", null)).isEmpty();
    }

    @Test
    void usage_events_round_trip_with_ids_as_plain_strings() {
        var serde = Topics.USAGE_EVENTS.valueSerde();
        byte[] bytes = serde.serializer().serialize("usage.events", EVENT);
        String json = Topics.valueAsText("usage.events", bytes);
        assertThat(json).contains("\"customer\":\"acme\"", "\"timestamp\":\"2026-11-05T10:00:00Z\"").doesNotContain("\"project\"");
        assertThat(serde.deserializer().deserialize("usage.events", bytes)).isEqualTo(EVENT);
    }

    @Test
    void rated_usage_round_trips_with_exact_money() {
        RatedUsage rated = new RatedUsage(EVENT, BillingPeriod.parse("2026-11"), PlanId.of("starter"), 0, 1,
                Microcents.of(370), Microcents.of(10_000));
        var serde = Topics.USAGE_RATED.valueSerde();
        byte[] bytes = serde.serializer().serialize("usage.rated", rated);
        assertThat(Topics.valueAsText("usage.rated", bytes)).contains("\"chargeMicrocents\":10000", "\"period\":\"2026-11\"");
        assertThat(serde.deserializer().deserialize("usage.rated", bytes)).isEqualTo(rated);
    }

    @Test
    void unreadable_records_fail_with_a_serialization_error_naming_the_topic() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Topics.USAGE_EVENTS.valueSerde().deserializer().deserialize("usage.events", garbage))
                .isInstanceOf(SerializationException.class).hasMessageContaining("usage.events");
    }
}
