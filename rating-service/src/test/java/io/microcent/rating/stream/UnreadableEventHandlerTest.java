package io.microcent.rating.stream;

import io.microcent.model.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Response;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UnreadableEventHandlerTest {

    private static final byte[] KEY = "acme".getBytes(StandardCharsets.UTF_8);
    private static final byte[] GARBAGE = "{not json".getBytes(StandardCharsets.UTF_8);

    private final UnreadableEventHandler handler = new UnreadableEventHandler();

    @Test
    void unreadableUsageGoesToTheDeadLetterTopicAsSentWithReasonUnreadable() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));

        // the handler does not use the error context
        Response response = handler.handleError(null, record(Topics.USAGE_EVENTS.name(), headers), new RuntimeException("bad"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo(Topics.USAGE_DEAD_LETTER.name());
            assertThat(dead.key()).isEqualTo(KEY);
            assertThat(dead.value()).isEqualTo(GARBAGE);
            assertThat(dead.timestamp()).isEqualTo(1_000L);
            assertThat(header(dead, DeadLetterReason.HEADER)).isEqualTo("unreadable");
            assertThat(header(dead, "traceparent")).isEqualTo("00-abc");
        });
    }

    @Test
    void anUnreadableCustomerPlanStopsRatingRatherThanRateUnderAPlanItDidNotSee() {
        Response response = handler.handleError(null, record(Topics.CUSTOMER_PLANS.name(), new RecordHeaders()),
                new RuntimeException("bad"));

        assertThat(response.result()).isEqualTo(Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, RecordHeaders headers) {
        return new ConsumerRecord<>(topic, 0, 42L, 1_000L, TimestampType.CREATE_TIME, KEY.length, GARBAGE.length,
                KEY, GARBAGE, headers, Optional.empty());
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
