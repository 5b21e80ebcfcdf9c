package io.microcent.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.deadletter.DeadLetterReason;
import io.microcent.model.topic.Topic;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Applies a topic to PostgreSQL read models exactly once: each poll's records and the offsets after them
 * are written in one database transaction, and on (re)assignment the consumer seeks to the offsets stored
 * there. Kafka's own committed offsets are never trusted for this. Instances share partitions through the
 * consumer group.
 *
 * <p>One record never stops a projection. The consumer reads bytes and the runner deserializes each record
 * itself, so an unreadable record cannot throw inside {@code poll}. When the handler fails on a batch for a
 * reason that is the data's ({@link Failures#isTransient} says no), the runner applies the poll again record by record,
 * each in its own transaction with its offset; a record that fails alone is set aside on
 * {@code dead-letters} — produced and acknowledged <em>before</em> its offset is stored past it, so it is
 * never lost — and the projection carries on with the next. A transient failure (connection lost,
 * serialization conflict, Kafka unavailable) is retried with backoff from the stored offsets, never set aside.
 *
 * <p>A topic whose records hold batches ({@link Items}) goes one step further: a batch record that fails alone
 * is applied item by item in one transaction, each item behind a savepoint, and only the items that fail alone
 * are set aside, each as a record of its own; the batch's other items are applied with the record's offset.
 */
public final class ProjectionRunner<K, V> implements AutoCloseable {

    /** Applies a batch of records inside the projection's transaction. */
    @FunctionalInterface
    public interface Handler<K, V> {
        void apply(DSLContext tx, List<ConsumerRecord<K, V>> records);
    }

    /**
     * How a topic's record values hold several items (a batch), so that one item failing alone is set aside alone.
     *
     * @param name    what an item is called in its dead letter's detail ({@code "line"}: {@code line 2 of 3: …})
     * @param itemsOf the items of a value, in order
     * @param valueOf a value holding one item, as a record of that item alone would be written
     * @param keyOf   the key a record of that item alone would have (its own customer, on a topic keyed by
     *                customer: a batch's key is only its first item's)
     */
    public record Items<K, V, E>(String name, Function<V, List<E>> itemsOf, Function<E, V> valueOf, Function<E, K> keyOf) {
    }

    /**
     * The handler failed on the records (not the offsets, not the commit): the only failure that may be the
     * records' fault. Anything else (storing offsets, committing) is the projection's own and never sets a
     * record aside: it is retried when transient, else it stops the projection as before.
     */
    private static final class HandlerFailed extends RuntimeException {
        HandlerFailed(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String projection;
    private final Topic<K, V> topic;
    private final DSLContext db;
    private final ProjectionOffsets offsets;
    private final Handler<K, V> handler;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<K> keys;
    private final Deserializer<V> values;
    /** {@code null} unless the topic's records hold batches. */
    private final Items<K, V, ?> items;
    private final DeadLetterPublisher deadLetters;
    private final DeadLetterCounter deadLetterCounter;
    private final Thread thread;
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    /** Per assigned partition, the offset stored in the database (null: none stored yet); poll thread only. */
    private final Map<TopicPartition, Long> storedPositions = new HashMap<>();
    private Duration backoff = FIRST_BACKOFF;
    private volatile boolean running = true;
    private volatile boolean polledOnce;

    /** @param meters where set-aside records are counted ({@link DeadLetterCounter}) */
    public ProjectionRunner(String projection, Topic<K, V> topic, String bootstrap, String clientId,
                            DSLContext db, ProjectionOffsets offsets, MeterRegistry meters, Handler<K, V> handler) {
        this(projection, topic, bootstrap, clientId, db, offsets, meters, handler, null);
    }

    /** A projection of a topic whose records hold batches of {@code items}: one bad item is set aside alone. */
    public ProjectionRunner(String projection, Topic<K, V> topic, String bootstrap, String clientId,
                            DSLContext db, ProjectionOffsets offsets, MeterRegistry meters, Handler<K, V> handler,
                            Items<K, V, ?> items) {
        this.projection = projection;
        this.items = items;
        this.topic = topic;
        this.db = db;
        this.offsets = offsets;
        this.handler = handler;
        // the client id names this instance's member: a static one, back at once after a crash
        this.consumer = new KafkaConsumer<>(KafkaConfigs.staticMember(KafkaConfigs.committedReader(bootstrap, projection, clientId), clientId),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.keys = topic.keySerde().deserializer();
        this.values = topic.valueSerde().deserializer();
        this.deadLetters = new DeadLetterPublisher(bootstrap, clientId + "-dead-letters");
        this.deadLetterCounter = new DeadLetterCounter(meters);
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
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(Duration.ofMillis(200));
                } catch (RuntimeException e) {
                    if (!Failures.isTransient(e)) {
                        throw e;
                    }
                    // e.g. the database was away while seeking to the stored offsets on assignment; a partition
                    // left unpositioned is fenced on its first batch (StaleOffsetsException) and re-seeked
                    log.warn("projection {}: {}; polling again in {} ms", projection, Failures.detail(e), backoff.toMillis());
                    pauseAndBackOff();
                    continue;
                }
                polledOnce = true;
                if (!records.isEmpty()) {
                    applyOrResync(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("projection {} stopped on an error; it resumes from its stored offsets on restart", projection, e);
        } finally {
            // a static member stays in the group unless it says it leaves: hand the partitions over at once
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            deadLetters.close();
        }
    }

    private void applyOrResync(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        try {
            apply(records);
            backoff = FIRST_BACKOFF;
        } catch (ProjectionOffsets.StaleOffsetsException e) {
            // another consumer applied these records while this one stalled: nothing was written; carry on
            // from what the database says was applied
            log.warn("{}; re-reading from the stored offsets", e.getMessage());
            seekToStoredOffsets(consumer.assignment());
        } catch (RuntimeException e) {
            if (!Failures.isTransient(e) && !(e instanceof DeadLetterPublisher.NotPublished)) {
                throw e;
            }
            // not the records' fault: nothing past the stored offsets was written; read them again after a pause
            log.warn("projection {}: {}; retrying in {} ms", projection, Failures.detail(e), backoff.toMillis());
            pauseAndBackOff();
            rewindToStoredPositions();
        }
    }

    private void pauseAndBackOff() throws InterruptedException {
        pause(backoff);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }

    /** Sleeps, in steps short enough that {@link #close} is not held up. */
    private void pause(Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        while (running && System.nanoTime() < until) {
            Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
    }

    private void apply(ConsumerRecords<byte[], byte[]> records) {
        List<ConsumerRecord<K, V>> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> raw : records) {
            try {
                batch.add(readable(raw));
            } catch (RuntimeException e) {
                applyOneByOne(records); // an unreadable record among them: set it aside, apply the others
                return;
            }
        }
        try {
            applyInOneTransaction(batch);
        } catch (HandlerFailed e) {
            if (Failures.isTransient(e.getCause())) {
                throw e.getCause();
            }
            log.warn("projection {}: a batch of {} records failed ({}); applying them one by one", projection,
                    batch.size(), Failures.detail(e.getCause()));
            applyOneByOne(records);
        }
    }

    private void applyInOneTransaction(List<ConsumerRecord<K, V>> batch) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<K, V> record : batch) {
            next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        // what this consumer believes is stored; it may lie before the batch's first record (transaction markers)
        Map<TopicPartition, Long> from = new HashMap<>();
        next.keySet().forEach(partition -> from.put(partition, storedPositions.get(partition)));
        db.transaction(tx -> {
            try {
                handler.apply(tx.dsl(), batch);
            } catch (RuntimeException e) {
                throw new HandlerFailed(e);
            }
            offsets.advance(tx.dsl(), projection, from, next);
        });
        storedPositions.putAll(next);
    }

    /** Each record in its own transaction with its offset; one that fails alone, for a reason that is its own, is set aside. */
    private void applyOneByOne(ConsumerRecords<byte[], byte[]> records) {
        for (ConsumerRecord<byte[], byte[]> raw : records) {
            ConsumerRecord<K, V> record;
            try {
                record = readable(raw);
            } catch (RuntimeException e) {
                setAside(raw, DeadLetterReason.UNREADABLE, "the record cannot be read as a " + topic.name() + " record", e);
                continue;
            }
            try {
                applyInOneTransaction(List.of(record));
            } catch (HandlerFailed e) {
                if (Failures.isTransient(e.getCause())) {
                    throw e.getCause();
                }
                if (items == null || !applyItemsOneByOne(items, raw, record)) {
                    setAside(raw, Failures.reasonOf(e.getCause()), Failures.detail(e.getCause()), e.getCause());
                }
            }
        }
    }

    /**
     * A batch record that failed alone: its items in one transaction with its offset, each behind a savepoint, so
     * that an item failing alone leaves nothing of itself and is set aside alone (acknowledged before the offset
     * is stored past the record), while the others are applied. False, doing nothing, for a record of one item.
     */
    private <E> boolean applyItemsOneByOne(Items<K, V, E> items, ConsumerRecord<byte[], byte[]> raw, ConsumerRecord<K, V> record) {
        List<E> all = record.value() == null ? List.of() : items.itemsOf().apply(record.value());
        if (all.size() < 2) {
            return false;
        }
        TopicPartition partition = new TopicPartition(raw.topic(), raw.partition());
        Map<TopicPartition, Long> from = new HashMap<>();
        from.put(partition, storedPositions.get(partition));
        Map<TopicPartition, Long> next = Map.of(partition, raw.offset() + 1);
        List<DeadLetter> letters = new ArrayList<>();
        db.transaction(tx -> {
            letters.clear();
            for (int index = 0; index < all.size(); index++) {
                E item = all.get(index);
                ConsumerRecord<K, V> alone = withItem(record, items.keyOf().apply(item), items.valueOf().apply(item));
                try {
                    tx.dsl().transaction(savepoint -> handler.apply(savepoint.dsl(), List.of(alone)));
                } catch (RuntimeException e) {
                    if (Failures.isTransient(e)) {
                        throw e;
                    }
                    letters.add(itemLetter(raw, alone, items.name() + " " + (index + 1) + " of " + all.size(), e));
                    publishOrSkip(letters.getLast(), raw, e);
                }
            }
            offsets.advance(tx.dsl(), projection, from, next);
        });
        storedPositions.putAll(next);
        letters.forEach(deadLetterCounter::count);
        return true;
    }

    /**
     * The dead letter of one item: keyed and valued as a record of that item alone, from the batch record's place,
     * its detail saying which item ({@code place}) it is.
     */
    private DeadLetter itemLetter(ConsumerRecord<byte[], byte[]> raw, ConsumerRecord<K, V> alone, String place,
                                  RuntimeException failure) {
        Serializer<K> keyBytes = topic.keySerde().serializer();
        Serializer<V> valueBytes = topic.valueSerde().serializer();
        byte[] key = alone.key() == null ? null : keyBytes.serialize(raw.topic(), alone.key());
        return new DeadLetter(Failures.reasonOf(failure), projection, raw.topic(), raw.partition(), raw.offset(),
                Topics.customerOfKey(raw.topic(), key).map(CustomerId::raw).orElse(null),
                place + ": " + Failures.detail(failure), Instant.now(), raw.timestamp(),
                key, valueBytes.serialize(raw.topic(), alone.value()));
    }

    private static <K, V> ConsumerRecord<K, V> withItem(ConsumerRecord<K, V> record, K key, V value) {
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(), record.timestampType(),
                record.serializedKeySize(), record.serializedValueSize(), key, value, record.headers(), record.leaderEpoch());
    }

    /** Dead-letters {@code raw} (acknowledged), then stores the offset past it: set aside, never lost. */
    private void setAside(ConsumerRecord<byte[], byte[]> raw, DeadLetterReason reason, String detail, RuntimeException failure) {
        DeadLetter letter = new DeadLetter(reason, projection, raw.topic(), raw.partition(), raw.offset(), customerOf(raw),
                detail, Instant.now(), raw.timestamp(), raw.key(), raw.value());
        publishOrSkip(letter, raw, failure);
        TopicPartition partition = new TopicPartition(raw.topic(), raw.partition());
        Map<TopicPartition, Long> from = new HashMap<>();
        from.put(partition, storedPositions.get(partition));
        Map<TopicPartition, Long> next = Map.of(partition, raw.offset() + 1);
        db.transaction(tx -> offsets.advance(tx.dsl(), projection, from, next));
        storedPositions.putAll(next);
        deadLetterCounter.count(letter);
    }

    /** Publishes the dead letter (acknowledged), unless the record is on the dead-letter topic already: that would loop. */
    private void publishOrSkip(DeadLetter letter, ConsumerRecord<byte[], byte[]> raw, RuntimeException failure) {
        if (Topics.DEAD_LETTERS.name().equals(raw.topic())) {
            log.error("projection {}: skipping {}, which stays on {}: {}", projection, letter, raw.topic(), letter.detail(), failure);
        } else {
            log.warn("projection {}: setting aside {}: {}", projection, letter, letter.detail(), failure);
            deadLetters.publish(letter, raw.headers());
        }
    }

    private ConsumerRecord<K, V> readable(ConsumerRecord<byte[], byte[]> raw) {
        K key = raw.key() == null ? null : keys.deserialize(raw.topic(), raw.headers(), raw.key());
        V value = raw.value() == null ? null : values.deserialize(raw.topic(), raw.headers(), raw.value());
        return new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(), raw.timestampType(),
                raw.serializedKeySize(), raw.serializedValueSize(), key, value, raw.headers(), raw.leaderEpoch());
    }

    private static String customerOf(ConsumerRecord<byte[], byte[]> raw) {
        return Topics.customerOfKey(raw.topic(), raw.key()).map(CustomerId::raw).orElse(null);
    }

    private void seekToStoredOffsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = offsets.load(db, projection, partitions);
        for (TopicPartition partition : partitions) {
            storedPositions.put(partition, stored.get(partition));
        }
        rewind(partitions);
    }

    /** Back to what this consumer knows is stored, without asking the database (which may be what failed). */
    private void rewindToStoredPositions() {
        rewind(consumer.assignment());
    }

    private void rewind(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            Long offset = storedPositions.get(partition);
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
