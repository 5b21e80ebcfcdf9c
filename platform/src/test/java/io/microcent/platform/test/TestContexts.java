package io.microcent.platform.test;

import io.microcent.platform.config.Env;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.kafka.MicrocentTopics;
import io.microcent.platform.kafka.Replication;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.StandaloneRunner;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Service contexts for tests, on the JVM-wide real Kafka and PostgreSQL of {@link TestInfrastructure}. */
public final class TestContexts {

    public static final String OPERATOR_TOKEN = "test-operator-token";

    private static volatile boolean topicsCreated;

    private TestContexts() {
    }

    /** A context for one service instance, with every Microcent topic created. */
    public static ServiceContext forService(String service) {
        return forService(service, Map.of(), Clock.systemUTC());
    }

    public static ServiceContext forService(String service, Map<String, String> env, Clock clock) {
        TestInfrastructure infra = TestInfrastructure.get();
        ensureTopics(infra);
        String instance = service + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new ServiceContext(infra.kafkaBootstrap(), infra.database(), StandaloneRunner.newMeterRegistry(),
                new Env(env), new OperatorAuth(OPERATOR_TOKEN), TestInfrastructure.newTempDir(instance), instance, clock,
                Replication.SINGLE_BROKER);
    }

    private static synchronized void ensureTopics(TestInfrastructure infra) {
        if (!topicsCreated) {
            MicrocentTopics.ensureAll(infra.kafkaBootstrap(), MicrocentTopics.DEFAULT_PARTITIONS);
            topicsCreated = true;
        }
    }
}
