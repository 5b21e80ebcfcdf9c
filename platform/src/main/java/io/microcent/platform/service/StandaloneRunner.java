package io.microcent.platform.service;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.microcent.platform.config.ClockSetting;
import io.microcent.platform.config.ConfigException;
import io.microcent.platform.config.Env;
import io.microcent.platform.db.Database;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.kafka.MicrocentTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Runs one service alone against an external Kafka and PostgreSQL: the {@code main} of every service. */
public final class StandaloneRunner {

    private static final Logger log = LoggerFactory.getLogger(StandaloneRunner.class);

    private StandaloneRunner() {
    }

    public static void run(ServiceModule module, int defaultPort) {
        Env env = Env.system();
        StandaloneSettings settings = StandaloneSettings.read(env, defaultPort);
        Clock clock = ClockSetting.read(env);
        module.configure(env);
        try {
            env.validate();
        } catch (ConfigException e) {
            log.error("{} cannot start: {}", module.name(), e.getMessage());
            System.exit(2);
        }

        PrometheusMeterRegistry meters = newMeterRegistry();
        Database database = Database.connect(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword(),
                settings.databasePoolSize());
        MicrocentTopics.ensureAll(settings.kafkaBootstrap(), settings.topicPartitions(), settings.replication());
        Path dataDir = settings.dataDir();
        ServiceContext context = new ServiceContext(settings.kafkaBootstrap(), database, meters, env,
                new OperatorAuth(settings.adminToken(), settings.viewerToken()), dataDir,
                InstanceId.persisted(dataDir.resolve(module.name() + "-instance-id"), module.name()), clock, settings.replication());
        Service service = module.start(context);
        HttpServer http = HttpServer.start(settings.host(), settings.port(), List.of(service.routes(), context.operatorAuth().routes()),
                Map.of(module.name(), service::isReady), meters);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping {}", module.name());
            http.close();
            service.close();
            database.close();
        }, "shutdown"));
    }

    /**
     * Every environment variable a service run alone reads, with its default: the standalone runner's own
     * and {@code module}'s. Deployment files are checked against this list.
     */
    public static List<Env.Setting> settingsOf(ServiceModule module, int defaultPort) {
        Env env = new Env(Map.of());
        StandaloneSettings.read(env, defaultPort);
        ClockSetting.read(env);
        module.configure(env);
        return env.settings();
    }

    public static PrometheusMeterRegistry newMeterRegistry() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        return meters;
    }
}
