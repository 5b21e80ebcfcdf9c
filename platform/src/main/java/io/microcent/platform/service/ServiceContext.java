package io.microcent.platform.service;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.microcent.platform.config.Env;
import io.microcent.platform.db.Database;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.kafka.Replication;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What every service is given to start: where Kafka and PostgreSQL are, metrics, configuration, the
 * operator token, a directory for local state (Kafka Streams stores), and the clock.
 *
 * @param instanceId  distinguishes instances of the same service (Kafka client ids, state directories)
 * @param replication what the Kafka Streams applications give the topics they create, and their standbys
 */
public record ServiceContext(
        String kafkaBootstrap,
        Database database,
        PrometheusMeterRegistry meters,
        Env env,
        OperatorAuth operatorAuth,
        Path stateDir,
        String instanceId,
        Clock clock,
        Replication replication) {

    /** A per-service subdirectory of {@link #stateDir()}. */
    public Path stateDirFor(String service) {
        return stateDir.resolve(service);
    }
}
