package io.microcent.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.microcent.platform.db.Database;
import io.microcent.platform.kafka.TopicAdmin;
import io.microcent.platform.test.KafkaTestRecords;
import io.microcent.platform.test.TestInfrastructure;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** Data written before a stop is there after a start on the same directory. */
class RestartTest {

    @Test
    void kafkaKeepsItsClusterTopicsAndRecords() throws Exception {
        Path dir = TestInfrastructure.newTempDir("kafka-restart");
        String clusterId;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir)) {
            clusterId = kafka.clusterId();
            TopicAdmin.ensureTopics(kafka.bootstrapServers(), List.of(new NewTopic("usage-facts", 1, (short) 1)));
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("usage-facts", "tenant-1", "1000 tokens")).get();
            }
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir)) {
            assertThat(kafka.clusterId()).isEqualTo(clusterId);
            assertThat(KafkaTestRecords.readAllValues(kafka.bootstrapServers(), "usage-facts", true))
                    .containsExactly("1000 tokens");
        }
    }

    @Test
    void postgresKeepsRowsAndStartsDespiteAStalePidFile() throws Exception {
        Path dir = TestInfrastructure.newTempDir("postgres-restart");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dir);
             Database database = Database.connect(postgres.jdbcUrl(), postgres.user(), postgres.password())) {
            database.migrate("platformtest");
            database.dsl().execute("insert into platformtest.probe (note) values ('kept')");
            // a directory whose server is running is never taken over by a second start
            assertThatThrownBy(() -> EmbeddedPostgres.start(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
        }

        // What a crashed JVM can leave behind: a postmaster.pid whose process id now belongs to
        // some other live process (common in containers). PostgreSQL alone refuses to start then.
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        Path pidFile = dir.resolve("pgdata/postmaster.pid");
        Files.writeString(pidFile, unrelated.pid() + "\n" + dir.resolve("pgdata") + "\n0\n5432\n");

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dir);
             Database database = Database.connect(postgres.jdbcUrl(), postgres.user(), postgres.password())) {
            assertThat(unrelated.isAlive()).isTrue(); // left alone: only the stale file was removed
            database.migrate("platformtest"); // already applied: a no-op on the kept history
            List<String> notes = database.dsl()
                    .fetch("select note from platformtest.probe")
                    .getValues(0, String.class);
            assertThat(notes).containsExactly("kept");
            assertThat(database.dsl().fetchValue(DSL.field("current_setting('synchronous_commit')", String.class)))
                    .isEqualTo("on");
        } finally {
            unrelated.destroy();
        }
    }
}
