package io.microcent.platform.kafka;

import io.microcent.model.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The Kafka client settings Microcent relies on, in one place. */
public final class KafkaConfigs {

    /**
     * How long the broker waits for a group member that stopped heartbeating (a crashed or cut-off instance)
     * before handing its partitions to the others: 10 s instead of Kafka's 45 s. A restarted instance does not
     * wait for it at all ({@link #staticMember}), and a cleanly stopped one leaves its groups on the way out.
     */
    public static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How often a member tells the coordinator it is alive, and so how soon it learns that a rebalance started
     * (the survivors of a crash must rejoin before the dead member's partitions move): 1 s instead of 3 s.
     */
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(1);

    private static final int RESTORE_FETCH_WAIT_MS = 50;

    private KafkaConfigs() {
    }

    /**
     * Makes the group consumer of {@code props} a static member named {@code memberName}: a name stable across
     * restarts and unique among the group's members (an instance's client id, see {@code InstanceId}). When an
     * instance comes back after a crash under the same name, the broker gives it its partitions back at once
     * instead of waiting out {@link #SESSION_TIMEOUT} for the dead member. A static member does not leave its
     * group when it merely closes: its owner leaves explicitly on a clean stop.
     */
    public static Map<String, Object> staticMember(Map<String, Object> props, String memberName) {
        props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, memberName);
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis());
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) HEARTBEAT_INTERVAL.toMillis());
        return props;
    }

    /**
     * {@link #staticMember} for a Kafka Streams application's main consumer (Streams adds each stream thread's
     * index to the name).
     */
    public static Map<String, Object> staticStreamsMember(Map<String, Object> props, String memberName) {
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), memberName);
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), (int) SESSION_TIMEOUT.toMillis());
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), (int) HEARTBEAT_INTERVAL.toMillis());
        return props;
    }

    /** Idempotent, acks from all in-sync replicas: an acknowledged record is durable and written once. */
    public static Map<String, Object> durableProducer(String bootstrap, String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        return props;
    }

    /** A consumer that sees only committed records and leaves offsets to its owner (e.g. a database transaction). */
    public static Map<String, Object> committedReader(String bootstrap, String groupId, String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        return props;
    }

    /**
     * Tells the dead-letter handlers which topics {@code config}'s topology reads into global stores, where
     * Kafka Streams cannot produce a dead letter from a handler ({@link DeadLetterHandlers#GLOBAL_TOPICS_CONFIG}).
     */
    public static Map<String, Object> withGlobalTopics(Map<String, Object> config, Topic<?, ?>... topics) {
        config.put(DeadLetterHandlers.GLOBAL_TOPICS_CONFIG,
                Arrays.stream(topics).map(Topic::name).collect(Collectors.joining(",")));
        return config;
    }

    /** Kafka Streams with exactly-once v2: state, outputs and input offsets commit together. */
    public static Map<String, Object> exactlyOnceStreams(String bootstrap, String applicationId, Path stateDir) {
        Map<String, Object> props = new HashMap<>();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        Replication.SINGLE_BROKER.applyTo(props); // a service on a cluster applies its own (ServiceContext#replication)
        // global stores (price book, cap definitions) use the same handler as the tasks: the default in Kafka 5
        props.put("processing.exception.handler.global.enabled", true);
        // one record never stops a topology: unreadable records and records a processor throws on are set
        // aside on dead-letters, in the same transaction as the input offset
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Unreadable.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.ProcessingFailed.class);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Restoring a store reads its topic up to the end offset, and under exactly-once the last offset is a
        // transaction marker no fetch returns: each partition then waits out one empty fetch, 500 ms by default,
        // one partition after the other for a global store. That was seconds of every start.
        props.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), RESTORE_FETCH_WAIT_MS);
        props.put(StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), RESTORE_FETCH_WAIT_MS);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        // One produce request in flight per broker. Under transactions v2 the first batch of a transaction to a
        // partition may be refused CONCURRENT_TRANSACTIONS while the previous commit completes; a second request
        // already in flight then meets a partition with no producer state and is refused OUT_OF_ORDER_SEQUENCE,
        // and the producer was seen retrying that pair for minutes under load, holding the task's commit. One
        // request carries every partition's batch for that broker, so batching is unchanged.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        return props;
    }
}
