package io.microcent.platform.customers;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.http.ApiException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The reader of {@code customer.plans} against a mock consumer: what it waits for and when it gives up. */
class KnownCustomersTest {

    private static final String TOPIC = "customer.plans";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final FlakyConsumer consumer = new FlakyConsumer();
    private KnownCustomers customers;

    @AfterEach
    void close() {
        if (customers != null) {
            customers.close();
        }
    }

    @Test
    void isReadyOnlyOnceTheTopicWasReadToItsEndAndKnowsExactlyItsKeys() {
        consumer.updateEndOffsets(Map.of(PARTITION, 2L));
        start();
        assertThat(customers.isReady()).as("nothing read yet").isFalse();

        addRecord(0, "acme", "plan");
        addRecord(1, "initech", "plan");

        await().atMost(Duration.ofSeconds(5)).until(customers::isReady);
        assertThat(customers.unknownAmong(List.of(id("acme"), id("initech")))).isEmpty();
    }

    @Test
    void aCustomerPublishedJustNowIsFoundByCatchingUpWithTheEndOfTheTopic() throws Exception {
        startLoaded();
        // published, but not yet read when the request asks
        consumer.updateEndOffsets(Map.of(PARTITION, 2L));
        CompletableFuture.runAsync(() -> addRecord(1, "globex", "plan"), CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        assertThat(customers.unknownAmong(List.of(id("globex")))).isEmpty();
    }

    @Test
    void idsAreComparedExactlyAndATombstoneRemovesACustomer() {
        startLoaded();
        assertThat(customers.unknownAmong(List.of(id("ACME"), id("acme"), id("nobody"))))
                .containsExactly(id("ACME"), id("nobody"));

        consumer.updateEndOffsets(Map.of(PARTITION, 2L));
        addRecord(1, "acme", null);

        await().atMost(Duration.ofSeconds(5)).until(() -> customers.unknownAmong(List.of(id("acme"))).contains(id("acme")));
    }

    @Test
    void whenTheEndOfTheTopicCannotBeReachedAnUnknownCustomerIsAnsweredUnavailableNotNotFound() {
        startLoaded();
        consumer.down = true;

        assertThatThrownBy(() -> customers.unknownAmong(List.of(id("created-meanwhile"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        assertThat(customers.unknownAmong(List.of(id("acme")))).as("known customers need no Kafka").isEmpty();
    }

    private void startLoaded() {
        consumer.updateEndOffsets(Map.of(PARTITION, 1L));
        start();
        addRecord(0, "acme", "plan");
        await().atMost(Duration.ofSeconds(5)).until(customers::isReady);
    }

    private void start() {
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        customers = new KnownCustomers(consumer, TOPIC, Duration.ofMillis(1_500)).startReading();
        await().atMost(Duration.ofSeconds(5)).until(() -> !consumer.assignment().isEmpty());
    }

    private void addRecord(long offset, String customer, String value) {
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, bytes(customer), value == null ? null : bytes(value)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static CustomerId id(String raw) {
        return CustomerId.of(raw);
    }

    /** A mock consumer whose broker can go away, and whose poll waits a little like a real one. */
    private static final class FlakyConsumer extends MockConsumer<byte[], byte[]> {

        volatile boolean down;

        FlakyConsumer() {
            super("earliest");
        }

        @Override
        public synchronized Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
            if (down) {
                throw new TimeoutException("broker not available");
            }
            return super.endOffsets(partitions);
        }

        @Override
        public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
            ConsumerRecords<byte[], byte[]> records;
            synchronized (this) {
                records = super.poll(Duration.ZERO);
            }
            if (records.isEmpty()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return records;
        }
    }
}
