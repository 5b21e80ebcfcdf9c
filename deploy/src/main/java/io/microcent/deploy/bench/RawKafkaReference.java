package io.microcent.deploy.bench;

import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.kafka.TopicAdmin;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.tools.ConsumerPerformance;
import org.apache.kafka.tools.ProducerPerformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The ceiling on the same broker: Kafka's own {@code ProducerPerformance}, each run in its own JVM, producing
 * records of {@value #RECORD_SIZE} bytes with the platform's durable producer settings (acks=all, idempotent,
 * lz4, the same linger and batch size) to a fresh topic of the platform's partition count; then
 * {@code ConsumerPerformance} reading them back read_committed. No HTTP, JSON, rating or database.
 */
final class RawKafkaReference {

    static final int RECORD_SIZE = 300;
    /** A run shorter than this says more about JVM start and JIT than about the broker; it is repeated longer. */
    static final Duration MIN_RUN = Duration.ofSeconds(10);
    private static final int MAX_RETRIES = 4;
    /** A longer run goes faster (the JIT, fuller batches): a retry aims this much past the minimum. */
    private static final double RETRY_MARGIN = 1.5;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    record Run(KafkaPerfOutput.Produced produced, KafkaPerfOutput.Consumed consumed) {
    }

    record Figures(List<Run> runs) {

        double medianProduced() {
            return Median.of(runs.stream().map(r -> r.produced().recordsPerSecond()).toList());
        }

        double medianConsumed() {
            return Median.of(runs.stream().map(r -> r.consumed().recordsPerSecond()).toList());
        }
    }

    private RawKafkaReference() {
    }

    /** {@code runs} runs of at least {@code minRecords} records and at least {@link #MIN_RUN} each. */
    static Figures run(String bootstrap, long minRecords, int runs, int partitions) throws InterruptedException {
        List<Run> kept = new ArrayList<>();
        long records = minRecords;
        int retries = 0;
        while (kept.size() < runs) {
            String topic = "bench.raw." + System.currentTimeMillis();
            TopicAdmin.ensureTopics(bootstrap, List.of(new NewTopic(topic, partitions, (short) 1)));
            try {
                KafkaPerfOutput.Produced produced = KafkaPerfOutput.produced(
                        ChildJvm.start("ProducerPerformance", ProducerPerformance.class.getName(), producerArgs(bootstrap, topic, records))
                                .await(RUN_TIMEOUT));
                if (produced.seconds() < MIN_RUN.toSeconds() && retries++ < MAX_RETRIES) {
                    long longer = (long) Math.ceil(produced.recordsPerSecond() * MIN_RUN.toSeconds() * RETRY_MARGIN);
                    System.out.printf("  raw produce: %,d records took %.1f s, under %d s: again with %,d%n",
                            records, produced.seconds(), MIN_RUN.toSeconds(), longer);
                    records = Math.max(records, longer);
                    continue;
                }
                KafkaPerfOutput.Consumed consumed = KafkaPerfOutput.consumed(
                        ChildJvm.start("ConsumerPerformance", ConsumerPerformance.class.getName(), consumerArgs(bootstrap, topic, records))
                                .await(RUN_TIMEOUT));
                System.out.printf("  raw run %d: produced %,d records in %.1f s, %,.0f rec/s (send→ack p50 %d ms, p99 %d ms); "
                                + "consumed %,d in %.1f s, %,.0f rec/s%n", kept.size() + 1, produced.records(), produced.seconds(),
                        produced.recordsPerSecond(), produced.p50Ms(), produced.p99Ms(), consumed.records(),
                        consumed.fetchMs() / 1e3, consumed.recordsPerSecond());
                kept.add(new Run(produced, consumed));
            } finally {
                deleteTopic(bootstrap, topic); // each run writes gigabytes; the next does not need them
            }
        }
        return new Figures(kept);
    }

    private static List<String> producerArgs(String bootstrap, String topic, long records) {
        List<String> args = new ArrayList<>(List.of("--bootstrap-server", bootstrap, "--topic", topic,
                "--num-records", Long.toString(records), "--record-size", Integer.toString(RECORD_SIZE),
                "--throughput", "-1", "--command-property"));
        for (Map.Entry<String, Object> setting : KafkaConfigs.durableProducer(bootstrap, "bench-raw-producer").entrySet()) {
            if (!setting.getKey().equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
                args.add(setting.getKey() + "=" + setting.getValue());
            }
        }
        return args;
    }

    private static List<String> consumerArgs(String bootstrap, String topic, long records) {
        return List.of("--bootstrap-server", bootstrap, "--topic", topic, "--num-records", Long.toString(records),
                "--group", "bench-raw-" + topic, "--timeout", "30000",
                "--command-property", "isolation.level=read_committed");
    }

    private static void deleteTopic(String bootstrap, String topic) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            System.err.println("could not delete " + topic + ": " + e.getCause());
        }
    }
}
