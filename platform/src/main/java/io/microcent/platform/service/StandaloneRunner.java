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
import java.util.Optional;

/** Runs one service alone against an external Kafka and PostgreSQL: the {@code main} of every service. */
public final class StandaloneRunner {

    private static final Logger log = LoggerFactory.getLogger(StandaloneRunner.class);

    private StandaloneRunner() {
    }

    public static void run(ServiceModule module, int defaultPort) {
        Env env = Env.system();
        String bootstrap = env.required("MICROCENT_KAFKA_BOOTSTRAP", "the Kafka bootstrap servers, host:port");
        String dbUrl = env.required("MICROCENT_DATABASE_URL", "a jdbc:postgresql:// URL");
        String dbUser = env.string("MICROCENT_DATABASE_USER", "postgres");
        String dbPassword = env.string("MICROCENT_DATABASE_PASSWORD", "postgres");
        String token = env.required("MICROCENT_ADMIN_TOKEN", "the operator bearer token");
        Optional<String> viewerToken = env.optional("MICROCENT_VIEWER_TOKEN");
        String host = env.string("MICROCENT_HOST", "0.0.0.0");
        int port = env.port("MICROCENT_PORT", defaultPort);
        Path dataDir = env.path("MICROCENT_DATA_DIR", "./data");
        int poolSize = env.integer("MICROCENT_DATABASE_POOL_SIZE", 8, 1, 500);
        int partitions = env.integer("MICROCENT_TOPIC_PARTITIONS", MicrocentTopics.DEFAULT_PARTITIONS, 1, 1024);
        Clock clock = ClockSetting.read(env);
        module.configure(env);
        try {
            env.validate();
        } catch (ConfigException e) {
            log.error("{} cannot start: {}", module.name(), e.getMessage());
            System.exit(2);
        }

        PrometheusMeterRegistry meters = newMeterRegistry();
        Database database = Database.connect(dbUrl, dbUser, dbPassword, poolSize);
        MicrocentTopics.ensureAll(bootstrap, partitions);
        ServiceContext context = new ServiceContext(bootstrap, database, meters, env, new OperatorAuth(token, viewerToken),
                dataDir, InstanceId.persisted(dataDir.resolve(module.name() + "-instance-id"), module.name()), clock);
        Service service = module.start(context);
        HttpServer http = HttpServer.start(host, port, List.of(service.routes(), context.operatorAuth().routes()), Map.of(module.name(), service::isReady), meters);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping {}", module.name());
            http.close();
            service.close();
            database.close();
        }, "shutdown"));
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
