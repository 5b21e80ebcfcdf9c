package io.microcent.deploy.cluster;

import io.microcent.platform.embedded.EmbeddedPostgres;
import io.microcent.platform.embedded.FreePorts;
import io.microcent.platform.embedded.KafkaClusterNode;
import io.microcent.platform.kafka.MicrocentTopics;
import io.microcent.platform.kafka.Replication;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Microcent as a cluster on this machine, every part a process of its own on loopback: three Kafka nodes
 * ({@link KafkaClusterNode}: KRaft, 3 replicas, 2 in sync), one PostgreSQL (platform-embedded's
 * {@link EmbeddedPostgres}, a child of this JVM) and two instances of each service, each a JVM of its own with its
 * own data directory, port and log file under the work directory. Closing it kills the services and nodes and
 * stops PostgreSQL.
 */
public final class LocalCluster implements AutoCloseable {

    public static final String OPERATOR_TOKEN = "cluster-operator-token";
    static final int NODES = 3;
    static final int INSTANCES = 2;
    static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final List<String> BROKER_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final List<String> SERVICE_JVM = List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xss512k", "-Daxoniq.update-checker.disabled=true");

    private final Path workDir;
    private final EmbeddedPostgres postgres;
    private final List<ClusterProcess> brokers;
    private final List<ClusterProcess> services;
    private final String bootstrap;
    private final ClusterClock clock;
    private boolean closed;

    private LocalCluster(Path workDir, EmbeddedPostgres postgres, List<ClusterProcess> brokers,
                         List<ClusterProcess> services, String bootstrap, ClusterClock clock) {
        this.workDir = workDir;
        this.postgres = postgres;
        this.brokers = brokers;
        this.services = services;
        this.bootstrap = bootstrap;
        this.clock = clock;
    }

    /**
     * Starts everything under {@code workDir} with the JVM's own classpath ({@code classpath}) and waits until every
     * process is ready. {@code serviceSettings} are added to every service's environment.
     */
    public static LocalCluster start(Path workDir, String classpath, ClusterClock clock, Map<String, String> serviceSettings) {
        long startedAt = System.nanoTime();
        createDirectories(workDir);
        Path logback = ClusterLogging.write(workDir);
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());

        CompletableFuture<EmbeddedPostgres> postgres = CompletableFuture.supplyAsync(() -> EmbeddedPostgres.start(workDir.resolve("postgres")));
        List<ClusterProcess> brokers = brokers(workDir, java, classpath, logback);
        brokers.forEach(ClusterProcess::start);
        String bootstrap = brokers.stream().map(b -> b.baseUrl().orElseThrow()).collect(Collectors.joining(","));
        brokers.forEach(b -> awaitListening(b, READY_TIMEOUT)); // before any Kafka client, which would log every refusal
        KafkaClusterNode.awaitBrokers(bootstrap, NODES, READY_TIMEOUT);
        MicrocentTopics.ensureAll(bootstrap, MicrocentTopics.DEFAULT_PARTITIONS, Replication.CLUSTER);
        EmbeddedPostgres database = postgres.join();
        log("Kafka (%d nodes) and PostgreSQL ready in %d s", NODES, seconds(startedAt));

        List<ClusterProcess> services = services(workDir, java, classpath, logback, bootstrap, database, clock, serviceSettings);
        LocalCluster cluster = new LocalCluster(workDir, database, brokers, services, bootstrap, clock);
        // the processes are this JVM's children: a harness stopped with Ctrl-C must not leave them running
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "local-cluster-shutdown"));
        try {
            services.forEach(ClusterProcess::start);
            services.forEach(s -> s.awaitReady(READY_TIMEOUT));
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        log("cluster ready in %d s: %s", seconds(startedAt), services.stream().map(s -> s.name() + " " + s.baseUrl().orElseThrow())
                .collect(Collectors.joining(", ")));
        return cluster;
    }

    public String bootstrap() {
        return bootstrap;
    }

    public ClusterClock clock() {
        return clock;
    }

    public Path workDir() {
        return workDir;
    }

    public List<ClusterProcess> brokers() {
        return brokers;
    }

    /** Every process: the brokers, then the services in start order. */
    public List<ClusterProcess> processes() {
        List<ClusterProcess> all = new ArrayList<>(brokers);
        all.addAll(services);
        return all;
    }

    public List<ClusterProcess> instances(ProcessKind kind) {
        return processes().stream().filter(p -> p.kind() == kind).toList();
    }

    /** The base URLs of the instances of {@code kind}, dead ones included (a client tries them in turn). */
    public List<String> urls(ProcessKind kind) {
        return instances(kind).stream().map(p -> p.baseUrl().orElseThrow()).toList();
    }

    public ClusterProcess broker(int nodeId) {
        return brokers.get(nodeId - 1);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ClusterProcess p : processes().reversed()) {
            try {
                p.kill();
            } catch (RuntimeException e) {
                log("could not kill %s: %s", p.name(), e);
            }
        }
        postgres.close();
    }

    private static List<ClusterProcess> brokers(Path workDir, String java, String classpath, Path logback) {
        int[] ports = FreePorts.pick(2 * NODES);
        String voters = IntStream.rangeClosed(1, NODES).mapToObj(id -> KafkaClusterNode.Spec.voter(id, ports[NODES + id - 1]))
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        List<ClusterProcess> brokers = new ArrayList<>();
        for (int id = 1; id <= NODES; id++) {
            Path dir = workDir.resolve("kafka-" + id);
            createDirectories(dir);
            var spec = new KafkaClusterNode.Spec(id, voters, ports[id - 1], ports[NODES + id - 1], dir.resolve("logs"), clusterId);
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(BROKER_JVM);
            command.addAll(List.of("-Dlogback.configurationFile=" + logback, "-cp", classpath, KafkaClusterNode.class.getName()));
            command.addAll(spec.arguments());
            String address = spec.bootstrap();
            brokers.add(new ClusterProcess("kafka-" + id, ProcessKind.BROKER, command, Map.of(), workDir.resolve("kafka-" + id + ".log"),
                    Optional.of(address), p -> BrokerReadiness.registered(address, NODES)));
        }
        return brokers;
    }

    private static List<ClusterProcess> services(Path workDir, String java, String classpath, Path logback, String bootstrap,
                                                 EmbeddedPostgres database, ClusterClock clock, Map<String, String> settings) {
        List<ProcessKind> kinds = List.of(ProcessKind.INVOICING, ProcessKind.RATING, ProcessKind.INGEST, ProcessKind.CAPS);
        Map<ProcessKind, int[]> ports = new HashMap<>();
        int[] all = FreePorts.pick(kinds.size() * INSTANCES);
        for (int k = 0; k < kinds.size(); k++) {
            ports.put(kinds.get(k), new int[] {all[k * INSTANCES], all[k * INSTANCES + 1]});
        }
        String ingestUrls = IntStream.of(ports.get(ProcessKind.INGEST)).mapToObj(LocalCluster::url).collect(Collectors.joining(","));
        List<ClusterProcess> services = new ArrayList<>();
        for (ProcessKind kind : kinds) {
            for (int i = 0; i < INSTANCES; i++) {
                String name = kind.label() + "-" + (i + 1);
                int port = ports.get(kind)[i];
                Path dataDir = workDir.resolve(name);
                createDirectories(dataDir);
                Map<String, String> env = new HashMap<>();
                env.put("MICROCENT_KAFKA_BOOTSTRAP", bootstrap);
                env.put("MICROCENT_DATABASE_URL", database.jdbcUrl());
                env.put("MICROCENT_DATABASE_USER", database.user());
                env.put("MICROCENT_DATABASE_POOL_SIZE", "5");
                env.put("MICROCENT_ADMIN_TOKEN", OPERATOR_TOKEN);
                env.put("MICROCENT_HOST", "127.0.0.1");
                env.put("MICROCENT_PORT", String.valueOf(port));
                env.put("MICROCENT_DATA_DIR", dataDir.toString());
                env.put(Replication.FACTOR, String.valueOf(Replication.CLUSTER.factor()));
                env.put(Replication.MIN_INSYNC, String.valueOf(Replication.CLUSTER.minInsyncReplicas()));
                env.put(Replication.STANDBYS, String.valueOf(Replication.CLUSTER.standbyReplicas()));
                env.put("MICROCENT_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true");
                env.putAll(clock.environment());
                if (kind == ProcessKind.CAPS) {
                    env.put("MICROCENT_CAPS_ADVERTISED_URL", url(port));
                    env.put("MICROCENT_INGEST_URL", ingestUrls);
                }
                env.putAll(settings);
                List<String> command = new ArrayList<>(List.of(java));
                command.addAll(SERVICE_JVM);
                command.addAll(List.of("-Dlogback.configurationFile=" + logback, "-cp", classpath, kind.mainClass().orElseThrow()));
                String base = url(port);
                services.add(new ClusterProcess(name, kind, command, env, workDir.resolve(name + ".log"), Optional.of(base),
                        p -> ServiceReadiness.ready(base)));
            }
        }
        return services;
    }

    private static void awaitListening(ClusterProcess broker, Duration within) {
        String[] hostPort = broker.baseUrl().orElseThrow().split(":");
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 1_000);
                return;
            } catch (IOException notYet) {
                if (!broker.alive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(broker.name() + " is not listening; see " + broker.log(), notYet);
                }
                Pause.of(Duration.ofMillis(200));
            }
        }
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    static void log(String format, Object... args) {
        System.out.printf("%s  %s%n", Instant.now().toString().substring(11, 23), String.format(format, args));
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
