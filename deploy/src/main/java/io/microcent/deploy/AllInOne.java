package io.microcent.deploy;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.microcent.caps.CapsModule;
import io.microcent.console.ConsoleRoutes;
import io.microcent.console.ConsoleSettings;
import io.microcent.console.api.ServiceName;
import io.microcent.ingest.IngestModule;
import io.microcent.invoicing.InvoicingModule;
import io.microcent.platform.config.Env;
import io.microcent.platform.db.Database;
import io.microcent.platform.embedded.EmbeddedKafka;
import io.microcent.platform.embedded.EmbeddedPostgres;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.kafka.MicrocentTopics;
import io.microcent.platform.service.InstanceId;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.ServiceModule;
import io.microcent.platform.service.StartedResources;
import io.microcent.platform.service.StandaloneRunner;
import io.microcent.rating.RatingModule;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * The whole platform in one JVM: an embedded Kafka broker and PostgreSQL (unless external ones are
 * configured), the four services, and one HTTP port serving all their APIs. Closing it stops everything
 * in reverse order of start; state stays in the data directory for the next start.
 */
public final class AllInOne implements AutoCloseable {

    /** Holds the instance's name ({@link InstanceId}) in the data directory. */
    static final String INSTANCE_ID_FILE = "instance-id";

    /** Everything started, closed last-started-first. */
    private final StartedResources started = new StartedResources();
    private final String operatorToken;
    private final OperatorAuth auth;
    private HttpServer http;
    /** Where the console reaches the APIs: this server, set once it listens (its port is known only then). */
    private volatile Map<ServiceName, URI> consoleServiceUrls = Map.of();
    private String kafkaBootstrap;
    private final List<Service> services = new ArrayList<>();

    private AllInOne(String operatorToken, Optional<String> viewerToken) {
        this.operatorToken = operatorToken;
        this.auth = new OperatorAuth(operatorToken, viewerToken);
    }

    /**
     * The services, in start order (closed in reverse). Ingest starts before caps because caps'
     * {@code /v1/authorize} checks ingest keys with ingest's authenticator, and so caps stops before it.
     * Nothing can call a service before all have started: the HTTP server opens after them and closes first.
     */
    static List<ServiceModule> modules() {
        IngestModule ingest = new IngestModule();
        return List.of(new InvoicingModule(), new RatingModule(), ingest, new CapsModule(new IngestKeysForCaps(ingest)));
    }

    /** Reads and validates all settings (reporting every problem at once), then starts everything. */
    public static AllInOne start(Env env, Clock clock) {
        AllInOneSettings settings = AllInOneSettings.from(env);
        List<ServiceModule> modules = ServiceSelection.select(env, modules());
        modules.forEach(module -> module.configure(env));
        env.validate();

        AllInOne platform = new AllInOne(AdminToken.resolve(settings.adminToken(), settings.dataDir()), settings.viewerToken());
        try {
            platform.startAll(settings, env, modules, clock);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll(AllInOneSettings settings, Env env, List<ServiceModule> modules, Clock clock) {
        // PostgreSQL starts while Kafka does: they do not depend on each other, and a restart then waits for
        // the slower of the two only (after a crash, Kafka's log recovery), not for both one after the other
        CompletableFuture<StartedDatabase> startingDatabase = CompletableFuture.supplyAsync(() -> StartedDatabase.start(settings));
        String bootstrap;
        try {
            bootstrap = settings.externalKafka().orElseGet(() ->
                    track(EmbeddedKafka.start(settings.dataDir().resolve("kafka"))).bootstrapServers());
        } catch (RuntimeException e) {
            startingDatabase.thenAccept(StartedDatabase::close);
            throw e;
        }
        StartedDatabase started = joined(startingDatabase);
        started.embedded().ifPresent(this::track); // stopped after the services, before Kafka
        Database database = track(started.database());
        MicrocentTopics.ensureAll(bootstrap, settings.topicPartitions(), settings.replication());
        kafkaBootstrap = bootstrap;

        PrometheusMeterRegistry meters = StandaloneRunner.newMeterRegistry();
        // one name for this data directory on every start: Kafka lets a restarted instance straight back in
        String instanceId = InstanceId.persisted(settings.dataDir().resolve(INSTANCE_ID_FILE), "all-in-one");
        ServiceContext context = new ServiceContext(bootstrap, database, meters, env, auth,
                settings.dataDir().resolve("state"), instanceId, clock, settings.replication());
        List<HttpRoutes> routes = new ArrayList<>(List.of(auth.routes()));
        Map<String, BooleanSupplier> readiness = new LinkedHashMap<>();
        for (ServiceModule module : modules) {
            Service service = track(module.start(context));
            services.add(service);
            routes.add(service.routes());
            readiness.put(module.name(), service::isReady);
        }
        // the console calls the APIs over HTTP like any client, here on this same server once it listens
        routes.add(new ConsoleRoutes(ConsoleSettings.SESSION_IDLE, () -> consoleServiceUrls));
        http = track(HttpServer.start(settings.host(), settings.port(), routes, readiness, meters));
        consoleServiceUrls = ConsoleSettings.allAt(selfUrl(settings.host())).serviceUrls();
    }

    /** The database the services use, and the embedded PostgreSQL behind it when no external one is set. */
    private record StartedDatabase(Optional<EmbeddedPostgres> embedded, Database database) {

        static StartedDatabase start(AllInOneSettings settings) {
            return settings.externalDatabase()
                    .map(url -> new StartedDatabase(Optional.empty(),
                            Database.connect(url, settings.databaseUser(), settings.databasePassword(), settings.databasePoolSize())))
                    .orElseGet(() -> {
                        EmbeddedPostgres postgres = EmbeddedPostgres.start(settings.dataDir().resolve("postgres"));
                        try {
                            return new StartedDatabase(Optional.of(postgres), Database.connect(postgres.jdbcUrl(), postgres.user(),
                                    postgres.password(), settings.databasePoolSize()));
                        } catch (RuntimeException e) {
                            postgres.close();
                            throw e;
                        }
                    });
        }

        void close() {
            database.close();
            embedded.ifPresent(EmbeddedPostgres::close);
        }
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** How this process reaches its own server: over loopback when it listens on every interface. */
    private URI selfUrl(String host) {
        String reachable = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + reachable + ":" + http.port());
    }

    private <T extends AutoCloseable> T track(T resource) {
        return started.push(resource);
    }

    /** The running service of this type, if it was selected (for the benches, which drive some work directly). */
    public <T extends Service> Optional<T> service(Class<T> type) {
        return services.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    public int port() {
        return http.port();
    }

    /** The one server of every hosted service's routes. */
    public HttpServer http() {
        return http;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public String operatorToken() {
        return operatorToken;
    }

    @Override
    public void close() {
        started.close();
    }
}
