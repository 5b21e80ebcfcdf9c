package io.microcent.platform.kafka;

import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creates every topic of the registry with the settings its retention calls for. */
public final class MicrocentTopics {

    /** Partitions per topic by default: the unit of parallelism for ingest, rating and caps instances. */
    public static final int DEFAULT_PARTITIONS = 4;

    private MicrocentTopics() {
    }

    /** Every topic on one broker (embedded, tests). */
    public static void ensureAll(String bootstrap, int partitions) {
        ensureAll(bootstrap, partitions, Replication.SINGLE_BROKER);
    }

    public static void ensureAll(String bootstrap, int partitions, Replication replication) {
        TopicAdmin.ensureTopics(bootstrap, Topics.all().stream().map(t -> replication.applyTo(newTopic(t, partitions))).toList());
    }

    static NewTopic newTopic(Topic<?, ?> topic, int partitions) {
        Map<String, String> configs = switch (topic.retention()) {
            // usage facts are kept so that any open or recent period can be re-rated from the log
            case LOG -> Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
            case COMPACTED -> Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        };
        return new NewTopic(topic.name(), Optional.of(partitions), Optional.empty()).configs(configs);
    }

    public static List<String> names() {
        return Topics.all().stream().map(Topic::name).toList();
    }
}
