package io.microcent.platform.kafka;

import io.microcent.model.topic.Topic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies a topic to PostgreSQL read models exactly once: each poll's records and the offsets after them
 * are written in one database transaction, and on (re)assignment the consumer seeks to the offsets stored
 * there. Kafka's own committed offsets are never trusted for this. Instances share partitions through the
 * consumer group.
 */
public final class ProjectionRunner<K, V> implements AutoCloseable {

    /** Applies a batch of records inside the projection's transaction. */
    @FunctionalInterface
    public interface Handler<K, V> {
        void apply(DSLContext tx, List<ConsumerRecord<K, V>> records);
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);

    private final String projection;
    private final Topic<K, V> topic;
    private final DSLContext db;
    private final ProjectionOffsets offsets;
    private final Handler<K, V> handler;
    private final KafkaConsumer<K, V> consumer;
    private final Thread thread;
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    /** Per assigned partition, the offset stored in the database (null: none stored yet); poll thread only. */
    private final Map<TopicPartition, Long> storedPositions = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean polledOnce;

    public ProjectionRunner(String projection, Topic<K, V> topic, String bootstrap, String clientId,
                            DSLContext db, ProjectionOffsets offsets, Handler<K, V> handler) {
        this.projection = projection;
        this.topic = topic;
        this.db = db;
        this.offsets = offsets;
        this.handler = handler;
        // the client id names this instance's member: a static one, back at once after a crash
        this.consumer = new KafkaConsumer<>(KafkaConfigs.staticMember(KafkaConfigs.committedReader(bootstrap, projection, clientId), clientId),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        this.thread = new Thread(this::run, "projection-" + projection);
    }

    public ProjectionRunner<K, V> start() {
        thread.start();
        return this;
    }

    /** True once the consumer has joined its group and polled. */
    public boolean isReady() {
        return polledOnce && thread.isAlive();
    }

    private void run() {
        consumer.subscribe(List.of(topic.name()), new SeekToStoredOffsets());
        try {
            while (running) {
                ConsumerRecords<K, V> records = consumer.poll(Duration.ofMillis(200));
                polledOnce = true;
                if (!records.isEmpty()) {
                    applyOrResync(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("projection {} stopped on an error; it resumes from its stored offsets on restart", projection, e);
        } finally {
            // a static member stays in the group unless it says it leaves: hand the partitions over at once
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
    }

    private void applyOrResync(ConsumerRecords<K, V> records) {
        try {
            applyInOneTransaction(records);
        } catch (ProjectionOffsets.StaleOffsetsException e) {
            // another consumer applied these records while this one stalled: nothing was written; carry on
            // from what the database says was applied
            log.warn("{}; re-reading from the stored offsets", e.getMessage());
            seekToStoredOffsets(consumer.assignment());
        }
    }

    private void applyInOneTransaction(ConsumerRecords<K, V> records) {
        Map<TopicPartition, Long> next = new HashMap<>();
        List<ConsumerRecord<K, V>> batch = new java.util.ArrayList<>(records.count());
        for (ConsumerRecord<K, V> record : records) {
            batch.add(record);
            next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        // what this consumer believes is stored; it may lie before the batch's first record (transaction markers)
        Map<TopicPartition, Long> from = new HashMap<>();
        next.keySet().forEach(partition -> from.put(partition, storedPositions.get(partition)));
        db.transaction(tx -> {
            handler.apply(tx.dsl(), batch);
            offsets.advance(tx.dsl(), projection, from, next);
        });
        storedPositions.putAll(next);
    }

    private void seekToStoredOffsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = offsets.load(db, projection, partitions);
        for (TopicPartition partition : partitions) {
            Long offset = stored.get(partition);
            storedPositions.put(partition, offset);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned.addAll(partitions);
            seekToStoredOffsets(partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            assigned.removeAll(partitions);
            partitions.forEach(storedPositions::remove);
        }
    }
}
