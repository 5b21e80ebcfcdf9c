package io.microcent.platform.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node (broker and controller) of a multi-node KRaft cluster, in a JVM of its own:
 * {@code java -cp … io.microcent.platform.embedded.KafkaClusterNode --node-id=1 --voters=1@127.0.0.1:9101,2@…
 * --broker-port=9091 --controller-port=9101 --log-dir=… --cluster-id=…} ({@link Spec#arguments()} writes them).
 *
 * <p>Every node of a cluster gets the same voter set and cluster id, and ports fixed by the caller, so a node
 * killed with SIGKILL restarts on the same log directory and ports and rejoins: the directory is formatted only
 * on the first start. Internal topics and topics created without a replication factor get 3 replicas and need
 * 2 in sync, so the cluster takes writes with any one node down. SIGTERM shuts the node down cleanly.
 */
public final class KafkaClusterNode {

    private static final Logger log = LoggerFactory.getLogger(KafkaClusterNode.class);

    static final int REPLICAS = 3;
    static final int MIN_IN_SYNC = 2;

    /** What one node needs; the same {@code voters} and {@code clusterId} for every node of the cluster. */
    public record Spec(int nodeId, String voters, int brokerPort, int controllerPort, Path logDir, String clusterId) {

        /** The command-line arguments {@link #main} reads back. */
        public List<String> arguments() {
            return List.of("--node-id=" + nodeId, "--voters=" + voters, "--broker-port=" + brokerPort,
                    "--controller-port=" + controllerPort, "--log-dir=" + logDir.toAbsolutePath(), "--cluster-id=" + clusterId);
        }

        public String bootstrap() {
            return KafkaNodeSettings.HOST + ":" + brokerPort;
        }

        /** The voter entry of a node: {@code id@host:controllerPort}. */
        public static String voter(int nodeId, int controllerPort) {
            return nodeId + "@" + KafkaNodeSettings.HOST + ":" + controllerPort;
        }

        static Spec parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0) {
                    throw new IllegalArgumentException("expected --name=value, got " + arg);
                }
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            List<String> missing = new ArrayList<>();
            for (String name : List.of("node-id", "voters", "broker-port", "controller-port", "log-dir", "cluster-id")) {
                if (!values.containsKey(name)) {
                    missing.add("--" + name);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("missing " + String.join(", ", missing));
            }
            return new Spec(Integer.parseInt(values.get("node-id")), values.get("voters"),
                    Integer.parseInt(values.get("broker-port")), Integer.parseInt(values.get("controller-port")),
                    Path.of(values.get("log-dir")), values.get("cluster-id"));
        }
    }

    private KafkaClusterNode() {
    }

    public static void main(String[] args) {
        Spec spec = Spec.parse(args);
        long startedAt = System.nanoTime();
        KafkaStorage.createDirectories(spec.logDir());
        Map<String, String> props = serverProperties(spec);
        // named after the log directory: nodes whose log directories share a parent must not share this file
        Path propertiesFile = KafkaStorage.writeProperties(
                spec.logDir().resolveSibling(spec.logDir().getFileName() + "-server.properties"), props,
                "Kafka cluster node " + spec.nodeId() + ": written on every start");
        if (!KafkaStorage.isFormatted(spec.logDir())) {
            KafkaStorage.format(propertiesFile, spec.logDir(), spec.clusterId());
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-node-shutdown"));
        server.startup();
        log.info("Kafka node {} started at {} (controller port {}, cluster {}, data {}) in {} ms", spec.nodeId(),
                spec.bootstrap(), spec.controllerPort(), spec.clusterId(), spec.logDir(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        server.awaitShutdown();
    }

    /** Returns once {@code bootstrap} reports at least {@code brokers} registered brokers. */
    public static void awaitBrokers(String bootstrap, int brokers, Duration timeout) {
        KafkaReady.await(bootstrap, brokers, timeout);
    }

    static Map<String, String> serverProperties(Spec spec) {
        Map<String, String> p = KafkaNodeSettings.node(spec.nodeId(), spec.voters(), spec.brokerPort(),
                spec.controllerPort(), spec.logDir());
        KafkaNodeSettings.replication(p, REPLICAS, MIN_IN_SYNC);
        // Partitions a dead node led get new leaders once the controller fences it, when its session expires
        // (9 s by default); the same session keeps a restarted node out (DUPLICATE_BROKER_REGISTRATION) until
        // its old registration expired. Shorter, but not so short that a node starved of CPU on a small machine
        // is fenced while alive.
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "4000");
        // A process killed mid-transaction leaves it open: read_committed readers (the survivor restoring the dead
        // instance's stores, the projections) wait until its coordinator aborts it once its timeout passed. The
        // coordinator looks for such transactions only every 10 s by default, which can add up to 10 s to a
        // failover; every second, it adds at most one.
        p.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
        // The services' groups form once at first start; later members join rebalances already under way.
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }
}
