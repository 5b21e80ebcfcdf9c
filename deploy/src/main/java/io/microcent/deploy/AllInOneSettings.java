package io.microcent.deploy;

import io.microcent.platform.config.Env;
import io.microcent.platform.kafka.MicrocentTopics;
import io.microcent.platform.kafka.Replication;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The all-in-one's own settings, read from the environment with their documented defaults.
 *
 * @param externalKafka    {@code MICROCENT_KAFKA_BOOTSTRAP}; when empty an embedded broker runs under the data directory
 * @param externalDatabase {@code MICROCENT_DATABASE_URL}; when empty an embedded PostgreSQL runs under the data directory
 * @param replication      one copy by default, even on an external Kafka: one all-in-one is one instance of each
 *                         service, most often on a development broker (set the replication settings for a cluster)
 */
public record AllInOneSettings(
        String host,
        int port,
        Path dataDir,
        Optional<String> adminToken,
        Optional<String> viewerToken,
        Optional<String> externalKafka,
        Optional<String> externalDatabase,
        String databaseUser,
        String databasePassword,
        int databasePoolSize,
        int topicPartitions,
        Replication replication) {

    public static AllInOneSettings from(Env env) {
        return new AllInOneSettings(
                env.string("MICROCENT_HOST", "127.0.0.1"),
                env.port("MICROCENT_PORT", 8080),
                env.path("MICROCENT_DATA_DIR", "./data"),
                env.optional("MICROCENT_ADMIN_TOKEN"),
                env.optional("MICROCENT_VIEWER_TOKEN"),
                env.optional("MICROCENT_KAFKA_BOOTSTRAP"),
                env.optional("MICROCENT_DATABASE_URL"),
                env.string("MICROCENT_DATABASE_USER", "postgres"),
                env.string("MICROCENT_DATABASE_PASSWORD", "postgres"),
                env.integer("MICROCENT_DATABASE_POOL_SIZE", 16, 1, 500),
                env.integer("MICROCENT_TOPIC_PARTITIONS", MicrocentTopics.DEFAULT_PARTITIONS, 1, 1024),
                Replication.read(env, Replication.SINGLE_BROKER));
    }
}
