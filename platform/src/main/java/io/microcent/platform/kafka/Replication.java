package io.microcent.platform.kafka;

import io.microcent.platform.config.Env;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * How many copies of Microcent's data Kafka keeps, and how many must have a record before it counts as
 * written. Every producer asks for {@code acks=all} ({@link KafkaConfigs#durableProducer}, and Kafka Streams
 * under exactly-once), so with a factor of 3 and a minimum of 2 in-sync replicas an acknowledged record
 * survives the loss of any one broker, and a partition with only one replica left refuses writes rather
 * than keep a single copy.
 *
 * @param factor            replicas of every topic Microcent creates, including Kafka Streams' changelog and
 *                          repartition topics
 * @param minInsyncReplicas replicas that must have a record before the leader acknowledges it
 * @param standbyReplicas   warm copies of each Kafka Streams state store kept on other instances
 *                          ({@code num.standby.replicas}): a task whose instance dies moves to one that
 *                          already holds its state, instead of restoring it from the changelog first
 */
public record Replication(short factor, int minInsyncReplicas, int standbyReplicas) {

    /** One broker (the embedded one, the tests): one copy, nothing to wait for. */
    public static final Replication SINGLE_BROKER = new Replication((short) 1, 1, 0);
    /** A cluster of three or more brokers, and two or more instances of each service. */
    public static final Replication CLUSTER = new Replication((short) 3, 2, 1);

    public static final String FACTOR = "MICROCENT_TOPIC_REPLICATION_FACTOR";
    public static final String MIN_INSYNC = "MICROCENT_TOPIC_MIN_INSYNC_REPLICAS";
    public static final String STANDBYS = "MICROCENT_STREAMS_STANDBY_REPLICAS";

    public Replication {
        if (factor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > factor || standbyReplicas < 0) {
            throw new IllegalArgumentException("not a replication: factor " + factor + ", min in-sync "
                    + minInsyncReplicas + ", standbys " + standbyReplicas);
        }
    }

    /** The three settings, each defaulting to {@code defaults}' value; a minimum above the factor is reported. */
    public static Replication read(Env env, Replication defaults) {
        int factor = env.integer(FACTOR, defaults.factor(), 1, Short.MAX_VALUE);
        int minInsync = env.integer(MIN_INSYNC, defaults.minInsyncReplicas(), 1, Short.MAX_VALUE);
        int standbys = env.integer(STANDBYS, defaults.standbyReplicas(), 0, 10);
        if (minInsync > factor) {
            env.reject(MIN_INSYNC + " (" + minInsync + ") must not exceed " + FACTOR + " (" + factor + ")");
            return defaults;
        }
        return new Replication((short) factor, minInsync, standbys);
    }

    /** {@code topic} with this replication factor and minimum. */
    NewTopic applyTo(NewTopic topic) {
        Map<String, String> configs = new HashMap<>(topic.configs() == null ? Map.of() : topic.configs());
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsyncReplicas));
        return new NewTopic(topic.name(), topic.numPartitions(), factor).configs(configs);
    }

    /** The same for the topics Kafka Streams creates itself, and its standby replicas. */
    public Map<String, Object> applyTo(Map<String, Object> streamsConfig) {
        streamsConfig.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) factor);
        streamsConfig.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), String.valueOf(minInsyncReplicas));
        streamsConfig.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        return streamsConfig;
    }
}
