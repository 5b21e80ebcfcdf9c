package io.microcent.platform.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
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
    private static final String HOST = KafkaNodeSettings.HOST;
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
        KafkaStorage.createDirectories(logDir);

        RuntimeException lastFailure = null;
        // The free ports are released before Kafka binds them; another process could grab one
        // in between, so a failed start is retried on fresh ports.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int[] ports = FreePorts.pick(2);
            Map<String, String> props = serverProperties(logDir, ports[0], ports[1]);
            Path propertiesFile = KafkaStorage.writeProperties(logDir.resolveSibling("server.properties"), props,
                    "embedded Kafka broker: written on every start, ports change");
            if (!KafkaStorage.isFormatted(logDir)) {
                KafkaStorage.format(propertiesFile, logDir, Uuid.randomUuid().toString());
            }
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            try {
                server.startup();
                String bootstrap = HOST + ":" + ports[0];
                KafkaReady.await(bootstrap, 1, READY_TIMEOUT);
                log.info("Embedded Kafka {} ready at {} (cluster {}, data {}) in {} ms",
                        kafkaVersion(), bootstrap, KafkaStorage.readClusterId(logDir), logDir,
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
        return KafkaStorage.readClusterId(logDir);
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
        Map<String, String> p = KafkaNodeSettings.node(NODE_ID, NODE_ID + "@" + HOST + ":" + controllerPort,
                brokerPort, controllerPort, logDir);
        // One node: every internal topic can only have one replica.
        KafkaNodeSettings.replication(p, 1, 1);
        p.put("num.partitions", "1");

        // Consumers should join at once; there is no second member worth waiting for.
        p.put("group.initial.rebalance.delay.ms", "0");
        // After a crash the controller still holds the dead broker's registration and refuses the restarted
        // one (DUPLICATE_BROKER_REGISTRATION) until that registration's session expires: 9 s by default, the
        // longest wait of a restart. Broker and controller share this process, so a short session is safe.
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "3000");
        return p;
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.debug("ignoring failure while stopping a broker that did not start", e);
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
