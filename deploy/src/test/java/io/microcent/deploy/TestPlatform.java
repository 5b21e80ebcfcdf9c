package io.microcent.deploy;

import io.microcent.platform.config.ClockSetting;
import io.microcent.platform.config.Env;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.awaitility.Awaitility.await;

/**
 * One all-in-one under test: started on a data directory with a clock of the test's choosing, ready
 * before it is handed out, with a client for its API. Starting again on the same directory is a restart.
 */
final class TestPlatform implements AutoCloseable {

    static final String OPERATOR_TOKEN = "e2e-operator-token";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final AllInOne platform;
    private final Microcent api;

    private TestPlatform(AllInOne platform) {
        this.platform = platform;
        this.api = new Microcent(platform.port(), OPERATOR_TOKEN);
    }

    static TestPlatform start(Path dataDir, Clock clock) {
        return start(dataDir, clock, Map.of());
    }

    /** @param settings extra environment variables, e.g. {@code MICROCENT_SERVICES} */
    static TestPlatform start(Path dataDir, Clock clock, Map<String, String> settings) {
        return start(env(dataDir, settings), clock);
    }

    /** On the clock the settings give, as {@code Main} starts it ({@code MICROCENT_CLOCK_START}, else real time). */
    static TestPlatform startOnConfiguredClock(Path dataDir, Map<String, String> settings) {
        Env env = env(dataDir, settings);
        return start(env, ClockSetting.read(env));
    }

    private static TestPlatform start(Env env, Clock clock) {
        TestPlatform started = new TestPlatform(AllInOne.start(env, clock));
        try {
            acceptRecordsAheadOfTheBrokerClock(started.platform.kafkaBootstrap());
            started.awaitReady();
            return started;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    static Env env(Path dataDir, Map<String, String> settings) {
        Map<String, String> variables = new HashMap<>(Map.of(
                "MICROCENT_DATA_DIR", dataDir.toString(),
                "MICROCENT_PORT", "0",
                "MICROCENT_ADMIN_TOKEN", OPERATOR_TOKEN,
                // the tests' webhook receivers listen on 127.0.0.1
                "MICROCENT_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true"));
        variables.putAll(settings);
        return new Env(variables);
    }

    /** A clock that reads {@code instant} now and runs on from there. */
    static Clock clockAt(String instant) {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse(instant)));
    }

    Microcent api() {
        return api;
    }

    /** A running service, for tests that drive its schedule themselves (e.g. period close). */
    <T extends io.microcent.platform.service.Service> T service(Class<T> type) {
        return platform.service(type).orElseThrow();
    }

    int port() {
        return platform.port();
    }

    String kafkaBootstrap() {
        return platform.kafkaBootstrap();
    }

    @Override
    public void close() {
        platform.close();
    }

    /**
     * After a crash the restarted services wait for the dead process's consumer group members to expire
     * (Kafka's session timeout, 45 s) before they get their partitions, hence the generous bound.
     */
    private void awaitReady() {
        await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/health/ready", null).status() == 200);
    }

    /**
     * The services stamp records with their clock (ingest time), which a test may set days ahead of the
     * embedded broker's real clock; Kafka refuses records more than an hour ahead of its own by default
     * ({@code log.message.timestamp.after.max.ms}). Lifted for the whole (test) cluster before any usage
     * is sent; the setting is kept in the cluster metadata, so it holds across restarts.
     */
    private static void acceptRecordsAheadOfTheBrokerClock(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            AlterConfigOp noLimit = new AlterConfigOp(
                    new ConfigEntry("log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE)),
                    AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.BROKER, ""), List.of(noLimit)))
                    .all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not let the test broker accept records ahead of its clock", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
