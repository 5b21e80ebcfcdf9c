package io.microcent.rating.rerate;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.CustomerPartitions;
import io.microcent.model.topic.Topic;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.rating.stream.RatingTopology;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The Kafka side of re-rating: which partition holds a customer, the offsets that bound a replay, how far
 * the live rating application has rated, and reading a partition between two offsets as a
 * {@code read_committed} consumer sees it. Thread-safe: jobs share one instance.
 */
final class UsageLog implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);
    /** A read that has not moved for this long has lost its broker: the job fails rather than hang. */
    private static final Duration STALL_TIMEOUT = Duration.ofMinutes(2);

    private final String bootstrap;
    private final String clientId;
    private final Admin admin;

    UsageLog(String bootstrap, String clientId) {
        this.bootstrap = bootstrap;
        this.clientId = clientId;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin"));
    }

    /** The partition of {@code topic} that holds the customer's records. */
    TopicPartition partitionOf(Topic<?, ?> topic, CustomerId customer) {
        int partitions = get(admin.describeTopics(List.of(topic.name())).allTopicNames()).get(topic.name()).partitions().size();
        return new TopicPartition(topic.name(), CustomerPartitions.of(customer, partitions));
    }

    /** The offset after the last record a {@code read_committed} consumer can read now (the last stable offset). */
    long stableEnd(TopicPartition partition) {
        return offset(partition, OffsetSpec.latest(), IsolationLevel.READ_COMMITTED);
    }

    /** The offset after the last record written, committed or not (the high watermark). */
    long writtenEnd(TopicPartition partition) {
        return offset(partition, OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED);
    }

    /** The first offset the partition still holds. */
    long start(TopicPartition partition) {
        return offset(partition, OffsetSpec.earliest(), IsolationLevel.READ_UNCOMMITTED);
    }

    /** The first offset whose record timestamp is {@code at} or later; the end of the partition when there is none. */
    long firstAtOrAfter(TopicPartition partition, Instant at) {
        long found = offset(partition, OffsetSpec.forTimestamp(at.toEpochMilli()), IsolationLevel.READ_UNCOMMITTED);
        return found < 0 ? writtenEnd(partition) : found;
    }

    /** The next offset the live rating application will rate on the partition (its committed offset); 0 before any. */
    long ratedUpTo(TopicPartition partition) {
        Map<TopicPartition, OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets(RatingTopology.APPLICATION_ID).partitionsToOffsetAndMetadata());
        OffsetAndMetadata offset = committed.get(partition);
        return offset == null ? 0 : offset.offset();
    }

    /**
     * Waits until the live rating application has rated the partition up to {@code end} (exclusive).
     *
     * @throws RerateException when it has not within {@code timeout}
     */
    void awaitRated(TopicPartition partition, long end, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long rated;
        while ((rated = ratedUpTo(partition)) < end && end > start(partition)) {
            if (System.nanoTime() > deadline) {
                throw new RerateException("live rating has not rated " + partition + " up to offset " + end
                        + " within " + timeout + " (it is at " + rated + "); is the rating service running?");
            }
            pause();
        }
    }

    /**
     * Waits until no transaction that wrote below {@code offset} is still open, so that a {@code read_committed}
     * read up to it sees every record that will ever be committed there.
     */
    void awaitStable(TopicPartition partition, long offset, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stableEnd(partition) < offset) {
            if (System.nanoTime() > deadline) {
                throw new RerateException("a transaction on " + partition + " below offset " + offset
                        + " stayed open longer than " + timeout);
            }
            pause();
        }
    }

    /** Hands every committed record of the partition from {@code from} up to {@code to} (exclusive) to {@code each}, in order. */
    void read(TopicPartition partition, long from, long to, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        if (from >= to) {
            return;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(readerConfig(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, from);
            long position = from;
            long lastProgress = System.nanoTime();
            while (position < to) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < to) {
                        each.accept(record);
                    }
                }
                long now = consumer.position(partition, CALL_TIMEOUT);
                if (now > position) {
                    position = now;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
                    throw new RerateException("reading " + partition + " stalled at offset " + position + " of " + to);
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new RerateException("stopped while reading " + partition);
                }
            }
        }
    }

    private Map<String, Object> readerConfig() {
        // no group: the reader assigns its partition and never commits
        Map<String, Object> config = KafkaConfigs.committedReader(bootstrap, null, clientId + "-reader");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }

    private long offset(TopicPartition partition, OffsetSpec spec, IsolationLevel isolation) {
        return get(admin.listOffsets(Map.of(partition, spec), new ListOffsetsOptions(isolation)).partitionResult(partition)).offset();
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new RerateException("Kafka refused: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RerateException("Kafka did not answer within " + CALL_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RerateException("interrupted while asking Kafka", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RerateException("stopped while waiting", e);
        }
    }

    @Override
    public void close() {
        admin.close(CALL_TIMEOUT);
    }
}
