package io.microcent.platform.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Kafka broker running inside this JVM in KRaft mode (one process acting as
 * both broker and controller).
 *
 * <p>The log directory lives under the given data directory and is formatted only once: a later
 * {@link #start(Path)} on the same directory reuses the existing cluster id (kept by Kafka in
 * {@code meta.properties}), so topics and records survive a restart. Ports are chosen anew on
 * every start; clients must always ask {@link #bootstrapServers()}.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String META_PROPERTIES = "meta.properties";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDir;
    private volatile boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path logDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
    }

    /**
     * Starts a broker whose data lives in {@code dataDir/kafka-logs}, formatting that directory
     * only if it has never been formatted. Returns once the broker answers client requests.
     */
    public static EmbeddedKafka start(Path dataDir) {
        long startedAt = System.nanoTime();
        Path logDir = dataDir.toAbsolutePath().resolve("kafka-logs");
        createDirectories(logDir);

        RuntimeException lastFailure = null;
        // The free ports are released before Kafka binds them; another process could grab one
        // in between, so a failed start is retried on fresh ports.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int[] ports = FreePorts.pick(2);
            Map<String, String> props = serverProperties(logDir, ports[0], ports[1]);
            Path propertiesFile = writeProperties(logDir.resolveSibling("server.properties"), props);
            if (!isFormatted(logDir)) {
                format(propertiesFile, logDir);
            }
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            try {
                server.startup();
                String bootstrap = HOST + ":" + ports[0];
                awaitReady(bootstrap);
                log.info("Embedded Kafka {} ready at {} (cluster {}, data {}) in {} ms",
                        kafkaVersion(), bootstrap, readClusterId(logDir), logDir,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
                return new EmbeddedKafka(server, bootstrap, logDir);
            } catch (RuntimeException e) {
                lastFailure = e;
                log.warn("Embedded Kafka failed to start (attempt {}/{}): {}", attempt, START_ATTEMPTS, e.toString());
                shutdownQuietly(server);
            }
        }
        throw new IllegalStateException("Embedded Kafka did not start in " + logDir, lastFailure);
    }

    /** Bootstrap address for clients, e.g. {@code 127.0.0.1:41234}. Changes on every start. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The cluster id written when the directory was formatted; stable across restarts. */
    public String clusterId() {
        return readClusterId(logDir);
    }

    /** The directory holding the Kafka log segments and metadata. */
    public Path logDir() {
        return logDir;
    }

    /** Shuts the broker down cleanly, so the next start does not need log recovery. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long startedAt = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        log.info("Embedded Kafka at {} stopped in {} ms", bootstrapServers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
    }

    private static Map<String, String> serverProperties(Path logDir, int brokerPort, int controllerPort) {
        Map<String, String> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        // A static voter set, not a dynamic quorum: the dynamic one records the controller's
        // address in the metadata log, which would break when the next start picks another port.
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());

        // One node: every internal topic can only have one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // Fewer internal partitions than the production default of 50: created faster, and one
        // node gains nothing from spreading coordinators.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("num.partitions", "1");

        // Consumers should join at once; there is no second member worth waiting for.
        p.put("group.initial.rebalance.delay.ms", "0");
        // After a crash the controller still holds the dead broker's registration and refuses the restarted
        // one (DUPLICATE_BROKER_REGISTRATION) until that registration's session expires: 9 s by default, the
        // longest wait of a restart. Broker and controller share this process, so a short session is safe.
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "3000");
        // Topics are declared on purpose (TopicAdmin); a typo must not silently create one.
        p.put("auto.create.topics.enable", "false");
        // Usage facts are the source of truth for re-rating: never expire them by age or size.
        p.put("log.retention.ms", "-1");
        p.put("log.retention.bytes", "-1");
        // Records carry the platform's clock (ingest time), which a simulation (MICROCENT_CLOCK_START) sets far
        // from real time: accept any timestamp, in the past or the future (Kafka 4 refuses more than an hour
        // ahead by default). Time retention is off above, so a record stamped long ago is not deleted for it.
        p.put("log.message.timestamp.before.max.ms", String.valueOf(Long.MAX_VALUE));
        p.put("log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE));

        // Modest thread counts and cleaner buffer: this broker shares a small machine with the services.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return p;
    }

    private static boolean isFormatted(Path logDir) {
        return Files.isRegularFile(logDir.resolve(META_PROPERTIES));
    }

    /**
     * Runs {@code kafka-storage.sh format} (its entry point {@link StorageTool}) with a new random
     * cluster id on the given server configuration. Called only for an unformatted directory, so
     * an existing cluster id and its data are never replaced.
     */
    private static void format(Path propertiesFile, Path logDir) {
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(
                    new String[] {"format", "--config", propertiesFile.toString(), "--cluster-id", clusterId},
                    printStream);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
        String printed = output.toString(StandardCharsets.UTF_8).strip();
        if (exitCode != 0) {
            throw new IllegalStateException("could not format Kafka storage in " + logDir + " (exit " + exitCode + "): " + printed);
        }
        log.info("Formatted Kafka storage in {} with cluster id {}: {}", logDir, clusterId, printed);
    }

    /**
     * Writes the configuration next to the log directory: the format tool reads it from a file,
     * and it shows a person what the running broker uses (ports change with every start).
     */
    private static Path writeProperties(Path file, Map<String, String> props) {
        Properties properties = new Properties();
        properties.putAll(props);
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "embedded Kafka broker: written on every start, ports change");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        return file;
    }

    private static String readClusterId(Path logDir) {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(logDir.resolve(META_PROPERTIES))) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return meta.getProperty("cluster.id");
    }

    /** Waits until the broker has registered with its controller and serves metadata requests. */
    private static void awaitReady(String bootstrap) {
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                try {
                    var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                            .nodes().get(10, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    log.debug("Embedded Kafka not ready yet: {}", e.toString());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Embedded Kafka at " + bootstrap + " not ready after " + READY_TIMEOUT);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.debug("ignoring failure while stopping a broker that did not start", e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dir, e);
        }
    }

    private static String kafkaVersion() {
        return org.apache.kafka.common.utils.AppInfoParser.getVersion();
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers + ", " + logDir + "]";
    }
}
