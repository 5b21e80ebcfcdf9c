package io.microcent.platform.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterHandlersTest {

    private static final byte[] KEY = "acme".getBytes(StandardCharsets.UTF_8);
    private static final byte[] GARBAGE = "{not json".getBytes(StandardCharsets.UTF_8);

    @Test
    void anUnreadableRecordIsSetAsideAsSentWithItsOriginAndTheStreamResumes() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        var handler = new DeadLetterHandlers.Unreadable();
        handler.configure(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "microcent-test",
                DeadLetterCounter.CONFIG, new DeadLetterCounter(meters)));
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
        var record = new ConsumerRecord<>("customer.plans", 3, 42L, 1_000L, TimestampType.CREATE_TIME, KEY.length,
                GARBAGE.length, KEY, GARBAGE, headers, Optional.empty());

        // the handler does not use the error context
        var response = handler.handleError(null, record, new RuntimeException("bad"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo(Topics.DEAD_LETTERS.name());
            assertThat(dead.key()).isEqualTo(KEY);
            assertThat(dead.value()).isEqualTo(GARBAGE);
            assertThat(dead.timestamp()).isEqualTo(1_000L);
            assertThat(header(dead, DeadLetter.REASON)).isEqualTo("unreadable");
            assertThat(header(dead, DeadLetter.CONSUMER)).isEqualTo("microcent-test");
            assertThat(header(dead, DeadLetter.SOURCE_TOPIC)).isEqualTo("customer.plans");
            assertThat(header(dead, DeadLetter.SOURCE_PARTITION)).isEqualTo("3");
            assertThat(header(dead, DeadLetter.SOURCE_OFFSET)).isEqualTo("42");
            assertThat(header(dead, "traceparent")).as("the original headers are kept").isEqualTo("00-abc");
        });
        assertThat(DeadLetterCounter.perConsumer(meters)).containsEntry("microcent-test", 1L);
    }

    @Test
    void anUnreadableRecordOfAGlobalStoreTopicIsSkippedAndCountedWithoutAProducedDeadLetter() {
        // Kafka Streams' global thread cannot produce what a handler returns (it fails with a ClassCastException
        // and stops the client): such a record is only counted, and the stream resumes
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        var handler = new DeadLetterHandlers.Unreadable();
        handler.configure(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "microcent-test",
                DeadLetterCounter.CONFIG, new DeadLetterCounter(meters),
                DeadLetterHandlers.GLOBAL_TOPICS_CONFIG, "price.book,other.global"));
        var record = new ConsumerRecord<>("price.book", 0, 7L, 1_000L, TimestampType.CREATE_TIME, KEY.length,
                GARBAGE.length, KEY, GARBAGE, new RecordHeaders(), Optional.empty());

        var response = handler.handleError(null, record, new RuntimeException("bad"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(DeadLetterCounter.perConsumer(meters)).containsEntry("microcent-test", 1L);
    }

    @Test
    void failuresAreToldApartByWhetherTheRecordIsAtFault() {
        assertThat(Failures.reasonOf(new ArithmeticException("long overflow")).code()).isEqualTo("overflow");
        assertThat(Failures.reasonOf(new RuntimeException(new SQLException("invalid byte sequence", "22021"))).code())
                .isEqualTo("invalid_text");
        assertThat(Failures.reasonOf(new RuntimeException(new SQLException("bigint out of range", "22003"))).code())
                .isEqualTo("overflow");
        assertThat(Failures.reasonOf(new RuntimeException(new SQLException("check violation", "23514"))).code())
                .isEqualTo("database_rejected");
        assertThat(Failures.reasonOf(new IllegalStateException("bug")).code()).isEqualTo("processing_failed");
        assertThat(Failures.isTransient(new RuntimeException(new SQLException("could not serialize", "40001")))).isTrue();
        assertThat(Failures.isTransient(new RuntimeException(new SQLException("connection lost", "08006")))).isTrue();
        assertThat(Failures.isTransient(new org.apache.kafka.common.errors.TimeoutException("broker away"))).isTrue();
        assertThat(Failures.isTransient(new RuntimeException(new SQLException("out of range", "22003")))).isFalse();
        assertThat(Failures.detail(new IllegalStateException("cannot read io.microcent.model.usage.UsageEvent")))
                .isEqualTo("cannot read UsageEvent");
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return DeadLetter.header(record.headers(), name);
    }
}
