package io.microcent.platform.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The server settings every Kafka node Microcent runs shares, whether the single node of {@link EmbeddedKafka} or
 * one node of a {@link KafkaClusterNode} cluster: a combined broker and controller on loopback, the log kept
 * forever, any record timestamp accepted, and thread counts fit for a small machine. Replication is the caller's.
 */
final class KafkaNodeSettings {

    static final String HOST = "127.0.0.1";
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private KafkaNodeSettings() {
    }

    /**
     * One node's settings. {@code voters} is {@code controller.quorum.voters}: a static voter set, not a dynamic
     * quorum, because the dynamic one records the controllers' addresses in the metadata log, which would break
     * when a later start picks other ports.
     */
    static Map<String, String> node(int nodeId, String voters, int brokerPort, int controllerPort, Path logDir) {
        Map<String, String> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());

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
        // Fewer internal partitions than the production default of 50: created faster, and a small cluster
        // gains nothing from spreading coordinators that thin.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");

        // Modest thread counts and cleaner buffer: this node shares a small machine with the services.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return p;
    }

    /** Every internal topic, and every topic created without a replication factor, on {@code replicas} nodes. */
    static void replication(Map<String, String> p, int replicas, int minInSync) {
        p.put("offsets.topic.replication.factor", String.valueOf(replicas));
        p.put("transaction.state.log.replication.factor", String.valueOf(replicas));
        p.put("transaction.state.log.min.isr", String.valueOf(minInSync));
        p.put("share.coordinator.state.topic.replication.factor", String.valueOf(replicas));
        p.put("share.coordinator.state.topic.min.isr", String.valueOf(minInSync));
        p.put("default.replication.factor", String.valueOf(replicas));
        p.put("min.insync.replicas", String.valueOf(minInSync));
    }
}
