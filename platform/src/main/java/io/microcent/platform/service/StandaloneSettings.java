package io.microcent.platform.service;

import io.microcent.platform.config.Env;
import io.microcent.platform.kafka.MicrocentTopics;
import io.microcent.platform.kafka.Replication;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a service run alone ({@link StandaloneRunner}) reads before its own settings: where Kafka and
 * PostgreSQL are, the tokens, where it listens and keeps its state. Alone means on a cluster, so topics are
 * replicated by default ({@link Replication#CLUSTER}).
 */
public record StandaloneSettings(
        String kafkaBootstrap,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        int databasePoolSize,
        String adminToken,
        Optional<String> viewerToken,
        String host,
        int port,
        Path dataDir,
        int topicPartitions,
        Replication replication) {

    public static StandaloneSettings read(Env env, int defaultPort) {
        return new StandaloneSettings(
                env.required("MICROCENT_KAFKA_BOOTSTRAP", "the Kafka bootstrap servers, host:port"),
                env.required("MICROCENT_DATABASE_URL", "a jdbc:postgresql:// URL"),
                env.string("MICROCENT_DATABASE_USER", "postgres"),
                env.string("MICROCENT_DATABASE_PASSWORD", "postgres"),
                env.integer("MICROCENT_DATABASE_POOL_SIZE", 8, 1, 500),
                env.required("MICROCENT_ADMIN_TOKEN", "the operator bearer token"),
                env.optional("MICROCENT_VIEWER_TOKEN"),
                env.string("MICROCENT_HOST", "0.0.0.0"),
                env.port("MICROCENT_PORT", defaultPort),
                env.path("MICROCENT_DATA_DIR", "./data"),
                env.integer("MICROCENT_TOPIC_PARTITIONS", MicrocentTopics.DEFAULT_PARTITIONS, 1, 1024),
                Replication.read(env, Replication.CLUSTER));
    }
}
