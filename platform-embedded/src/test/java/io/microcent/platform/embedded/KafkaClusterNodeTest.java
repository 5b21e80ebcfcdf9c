package io.microcent.platform.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Three {@link KafkaClusterNode}s, each a JVM of its own: replicated by default, writable with one node killed, rejoined after restart. */
class KafkaClusterNodeTest {

    /** The nodes' output, kept after the run to read when it failed. */
    private static final Path LOGS = Path.of("target", "kafka-cluster-node-test");

    @TempDir
    Path dir;

    private final List<Process> nodes = new ArrayList<>(List.of());
    private final List<List<String>> commands = new ArrayList<>();

    @AfterEach
    void killNodes() {
        nodes.forEach(Process::destroyForcibly);
    }

    @Test
    void a_spec_goes_through_the_command_line_unchanged_and_a_missing_argument_is_named() {
        var spec = new KafkaClusterNode.Spec(2, "1@127.0.0.1:1,2@127.0.0.1:2", 9092, 9093, dir.resolve("logs").toAbsolutePath(), "abc");

        assertThat(KafkaClusterNode.Spec.parse(spec.arguments().toArray(String[]::new))).isEqualTo(spec);
        assertThatThrownBy(() -> KafkaClusterNode.Spec.parse(new String[] {"--node-id=1", "--voters=1@127.0.0.1:1"}))
                .hasMessageContaining("--broker-port").hasMessageContaining("--cluster-id");
    }

    @Test
    void a_node_keeps_three_replicas_two_in_sync_creates_no_topic_by_itself_and_aborts_timed_out_transactions_every_second() {
        var spec = new KafkaClusterNode.Spec(1, KafkaClusterNode.Spec.voter(1, 9093), 9092, 9093, dir.resolve("logs"), "abc");

        assertThat(KafkaClusterNode.serverProperties(spec)).containsEntry("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000")
                .containsEntry("default.replication.factor", "3").containsEntry("min.insync.replicas", "2")
                .containsEntry("transaction.state.log.min.isr", "2").containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void every_topic_created_without_a_factor_has_three_replicas_and_writes_go_on_with_one_node_killed_until_it_rejoins() throws Exception {
        java.nio.file.Files.createDirectories(LOGS);
        int[] ports = FreePorts.pick(6);
        String voters = IntStream.rangeClosed(1, 3).mapToObj(id -> KafkaClusterNode.Spec.voter(id, ports[2 + id])).collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        for (int id = 1; id <= 3; id++) {
            var spec = new KafkaClusterNode.Spec(id, voters, ports[id - 1], ports[2 + id], dir.resolve("node-" + id), clusterId);
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    KafkaClusterNode.class.getName()));
            command.addAll(spec.arguments());
            commands.add(command);
            nodes.add(start(command, id));
        }
        String bootstrap = IntStream.range(0, 3).mapToObj(i -> "127.0.0.1:" + ports[i]).collect(Collectors.joining(","));
        KafkaClusterNode.awaitBrokers(bootstrap, 3, Duration.ofMinutes(2));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000),
                     new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic("facts", Optional.of(2), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
            assertThat(describe(admin).partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            var config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, "facts"))).all().get(30, TimeUnit.SECONDS)
                    .values().iterator().next();
            assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
            producer.send(new ProducerRecord<>("facts", "k", "before")).get(30, TimeUnit.SECONDS);

            int leader = describe(admin).partitions().getFirst().leader().id();
            nodes.get(leader - 1).destroyForcibly().waitFor();
            producer.send(new ProducerRecord<>("facts", 0, "k", "one node down")).get(60, TimeUnit.SECONDS);

            nodes.set(leader - 1, start(commands.get(leader - 1), leader));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!describe(admin).partitions().stream().allMatch(p -> p.isr().size() == 3)) {
                assertThat(System.nanoTime()).as("node %d back in sync", leader).isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    private Process start(List<String> command, int id) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve("node-" + id + ".log").toFile())).start();
    }

    private static TopicDescription describe(Admin admin) throws Exception {
        return admin.describeTopics(List.of("facts")).allTopicNames().get(30, TimeUnit.SECONDS).get("facts");
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
