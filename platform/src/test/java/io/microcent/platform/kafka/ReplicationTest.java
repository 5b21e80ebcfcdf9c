package io.microcent.platform.kafka;

import io.microcent.platform.config.ConfigException;
import io.microcent.platform.config.Env;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicationTest {

    @Test
    void unsetTheDefaultsApply() {
        Env env = new Env(Map.of());

        assertThat(Replication.read(env, Replication.CLUSTER)).isEqualTo(new Replication((short) 3, 2, 1));
        assertThat(Replication.read(env, Replication.SINGLE_BROKER)).isEqualTo(new Replication((short) 1, 1, 0));
        env.validate();
    }

    @Test
    void theThreeSettingsAreRead() {
        Env env = new Env(Map.of(Replication.FACTOR, "5", Replication.MIN_INSYNC, "3", Replication.STANDBYS, "2"));

        assertThat(Replication.read(env, Replication.SINGLE_BROKER)).isEqualTo(new Replication((short) 5, 3, 2));
        env.validate();
    }

    @Test
    void aMinimumAboveTheFactorIsReportedWithTheOtherProblems() {
        Env env = new Env(Map.of(Replication.FACTOR, "1", Replication.MIN_INSYNC, "2", Replication.STANDBYS, "-1"));

        Replication.read(env, Replication.CLUSTER);

        assertThatThrownBy(env::validate).isInstanceOf(ConfigException.class)
                .hasMessageContaining(Replication.MIN_INSYNC + " (2) must not exceed " + Replication.FACTOR + " (1)")
                .hasMessageContaining(Replication.STANDBYS + " must be between 0 and 10");
    }

    @Test
    void aTopicKeepsItsOwnSettingsAndGetsTheFactorAndTheMinimum() {
        NewTopic topic = new NewTopic("usage.events", 4, (short) 1).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));

        NewTopic replicated = Replication.CLUSTER.applyTo(topic);

        assertThat(replicated.replicationFactor()).isEqualTo((short) 3);
        assertThat(replicated.numPartitions()).isEqualTo(4);
        assertThat(replicated.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
    }

    @Test
    void kafkaStreamsCreatesItsOwnTopicsLikewiseAndKeepsStandbys() {
        Map<String, Object> config = Replication.CLUSTER.applyTo(
                new HashMap<>(KafkaConfigs.exactlyOnceStreams("localhost:9092", "app", Path.of("state"))));

        assertThat(config).containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), "2")
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        assertThat(KafkaConfigs.exactlyOnceStreams("localhost:9092", "app", Path.of("state")))
                .as("one broker unless told otherwise").containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    }
}
