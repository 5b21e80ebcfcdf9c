package io.microcent.platform.customers;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.kafka.KafkaConfigs;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The customers that exist, as a service that refuses unknown ones (ingest, caps) knows them: every key of
 * the compacted {@code customer.plans} topic, which invoicing publishes before its customer API answers (a
 * tombstone removes the customer). One instance per running service.
 *
 * <p>Why a plain consumer and not a Kafka Streams global table: ingest runs no Streams application, and
 * all a service needs is a set of keys plus one thing a table does not offer, waiting until everything published
 * so far has been read. One daemon thread owns the consumer (assigned to every partition, from the
 * beginning, {@code read_committed}, no consumer group, no offsets committed: each start reads the whole
 * compacted topic, which holds one record per customer). Request threads only read the set, and when a
 * customer is not in it they ask that thread to <em>catch up</em>: read up to the end offsets as of that
 * moment. Requests that ask while a catch-up is pending share it. So a customer is known as soon as its
 * creation was answered, and an unknown one is refused only after the topic was read to its end.
 */
public final class KnownCustomers implements CustomerDirectory, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnownCustomers.class);
    /**
     * The longest a request waits for the topic to be read to its end before it is answered 503: long enough
     * for a broker that answers at all, short enough for a client's timeout.
     */
    public static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration IDLE_POLL = Duration.ofMillis(100);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /** The first read of the whole topic may take longer than a request's catch-up; it goes on where it stopped. */
    private static final Duration INITIAL_LOAD_TIMEOUT = Duration.ofSeconds(30);
    private static final Deserializer<CustomerId> KEYS = Topics.CUSTOMER_PLANS.keySerde().deserializer();

    private final Consumer<byte[], byte[]> consumer; // touched by the reader thread only
    private final String topic;
    private final Duration catchUpTimeout;
    private final Set<CustomerId> known = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private CompletableFuture<Void> requested; // guarded by lock: a catch-up asked for and not yet begun
    private final Thread reader;
    private volatile boolean loaded;
    private volatile boolean closed;

    KnownCustomers(Consumer<byte[], byte[]> consumer, String topic, Duration catchUpTimeout) {
        this.consumer = consumer;
        this.topic = topic;
        this.catchUpTimeout = catchUpTimeout;
        this.reader = Thread.ofPlatform().daemon().name("known-customers").unstarted(this::run);
    }

    /** Starts reading {@code customer.plans}; {@link #isReady()} once the whole topic was read. */
    public static KnownCustomers start(String bootstrap, String clientId) {
        Map<String, Object> props = KafkaConfigs.committedReader(bootstrap, null, clientId);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, nothing committed
        return new KnownCustomers(new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                Topics.CUSTOMER_PLANS.name(), CATCH_UP_TIMEOUT).startReading();
    }

    KnownCustomers startReading() {
        reader.start();
        return this;
    }

    /** Whether the topic was read to its end once since the start and is still being read: its service is ready then. */
    public boolean isReady() {
        return loaded && !closed && reader.isAlive();
    }

    /**
     * Those of {@code customers} that do not exist, in their order. If any is not known yet, first reads
     * {@code customer.plans} up to its current end (one wait of at most the catch-up timeout for the whole call).
     *
     * @throws ApiException {@code 503 service_unavailable} when the topic could not be read to its end in time
     *                      (Kafka down): then nobody can say whether the customers exist
     */
    @Override
    public Set<CustomerId> unknownAmong(Collection<CustomerId> customers) {
        Set<CustomerId> unknown = new LinkedHashSet<>();
        for (CustomerId customer : customers) {
            if (!known.contains(customer)) {
                unknown.add(customer);
            }
        }
        if (unknown.isEmpty()) {
            return unknown;
        }
        awaitCatchUp();
        unknown.removeIf(known::contains);
        return unknown;
    }

    private void awaitCatchUp() {
        CompletableFuture<Void> catchUp;
        synchronized (lock) {
            if (requested == null) {
                requested = new CompletableFuture<>();
            }
            catchUp = requested;
        }
        try {
            catchUp.get(catchUpTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                "the customers could not be checked right now (Kafka did not answer in time); send the same request again");
    }

    private void run() {
        try {
            List<TopicPartition> partitions = assignAll();
            while (!closed) {
                CompletableFuture<Void> catchUp = takeRequested();
                if (catchUp != null || !loaded) {
                    catchUp(partitions, catchUp, loaded ? catchUpTimeout : INITIAL_LOAD_TIMEOUT);
                } else {
                    poll(IDLE_POLL);
                }
            }
        } catch (RuntimeException e) {
            if (!closed) {
                log.error("Stopped reading {}; requests naming customers not yet known will be answered 503", topic, e);
            }
        } finally {
            failRequested();
            consumer.close();
        }
    }

    /** Every partition of the topic, from the beginning; waits until the topic exists. */
    private List<TopicPartition> assignAll() {
        while (!closed) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, catchUpTimeout);
                if (infos != null && !infos.isEmpty()) {
                    List<TopicPartition> partitions = infos.stream()
                            .map(info -> new TopicPartition(topic, info.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    return partitions;
                }
            } catch (KafkaException e) {
                log.warn("Could not find the partitions of {}; retrying: {}", topic, e.toString());
            }
            pause();
        }
        return List.of();
    }

    /** Reads up to the end offsets of now, completing {@code catchUp} (which may be null: the initial load). */
    private void catchUp(List<TopicPartition> partitions, CompletableFuture<Void> catchUp, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            while (!reached(ends, deadline)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new org.apache.kafka.common.errors.TimeoutException("not read to its end within " + timeout);
                }
                poll(IDLE_POLL);
            }
            if (!loaded) {
                loaded = true;
                log.info("Read {} customers from {}", known.size(), topic);
            }
            if (catchUp != null) {
                catchUp.complete(null);
            }
        } catch (KafkaException e) {
            if (catchUp != null) {
                catchUp.completeExceptionally(e);
            }
            log.warn("Could not read {} to its end; customers not yet known cannot be checked: {}", topic, e.toString());
            if (!loaded) {
                pause();
            }
        }
    }

    private boolean reached(Map<TopicPartition, Long> ends, long deadline) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (consumer.position(end.getKey(), left) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            CustomerId customer;
            try {
                customer = Objects.requireNonNull(KEYS.deserialize(record.topic(), record.key()), "key");
            } catch (RuntimeException e) {
                log.warn("Skipping a record of {} at partition {} offset {} whose key is no customer id: {}",
                        record.topic(), record.partition(), record.offset(), e.getClass().getSimpleName());
                continue;
            }
            if (record.value() == null) {
                known.remove(customer);
            } else {
                known.add(customer);
            }
        }
    }

    private CompletableFuture<Void> takeRequested() {
        synchronized (lock) {
            CompletableFuture<Void> taken = requested;
            requested = null;
            return taken;
        }
    }

    private void failRequested() {
        CompletableFuture<Void> pending = takeRequested();
        if (pending != null) {
            pending.completeExceptionally(new IllegalStateException("the reader of " + topic + " stopped"));
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            reader.join(catchUpTimeout.plus(RETRY_PAUSE).plusSeconds(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
