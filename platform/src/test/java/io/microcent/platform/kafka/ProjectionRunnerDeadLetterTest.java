package io.microcent.platform.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import io.microcent.platform.db.Database;
import io.microcent.platform.test.KafkaTestRecords;
import io.microcent.platform.test.TestInfrastructure;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** A projection on a real broker and database: poisoned records are set aside, the others applied, nothing stops. */
class ProjectionRunnerDeadLetterTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Database database;
    private static String bootstrap;

    /** Values starting with "!" cannot be read: the deserializer throws, as JSON serdes do on garbage. */
    private static final Deserializer<String> PICKY = (topic, data) -> {
        String text = new String(data, StandardCharsets.UTF_8);
        if (text.startsWith("!")) {
            throw new SerializationException("not a note: " + text);
        }
        return text;
    };

    private final String name = "notes-" + UUID.randomUUID();
    private final Topic<String, String> topic = new Topic<>(name, Serdes.String(),
            Serdes.serdeFrom(new StringSerializer(), PICKY), Topic.Retention.LOG);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void infrastructure() {
        TestInfrastructure infra = TestInfrastructure.get();
        database = infra.database();
        database.migrate("platformtest");
        bootstrap = infra.kafkaBootstrap();
        TopicAdmin.ensureTopics(bootstrap, List.of(MicrocentTopics.newTopic(Topics.DEAD_LETTERS, 1)));
    }

    @Test
    void poisonedRecordsAreSetAsideWithTheirReasonAndTheRecordsAroundThemAreApplied() {
        TopicAdmin.ensureTopics(bootstrap, List.of(new NewTopic(name, Optional.of(1), Optional.empty())));
        produce("good-1", "first note");
        produce("nul", "a\u0000");            // PostgreSQL refuses NUL in text
        produce("garbage", "!{not json");     // cannot be deserialized
        produce("huge", "n=99999999999");     // does not fit the integer column: an overflow too
        produce("overflow", "overflow");      // the handler's sum overflows
        produce("good-2", "second note");

        try (var runner = runner(notes()).start()) {
            await().atMost(WAIT).until(() -> notesStored().size() == 2);
            List<ConsumerRecord<String, String>> dead = await().atMost(WAIT).until(this::deadLetters, letters -> letters.size() == 4);

            assertThat(notesStored()).containsExactlyInAnyOrder("good-1", "good-2");
            assertThat(dead).extracting(letter -> header(letter, DeadLetter.REASON))
                    .containsExactly("invalid_text", "unreadable", "overflow", "overflow");
            assertThat(dead).extracting(ConsumerRecord::key).containsExactly("nul", "garbage", "huge", "overflow");
            assertThat(dead).extracting(ConsumerRecord::value)
                    .containsExactly("a\u0000", "!{not json", "n=99999999999", "overflow");
            assertThat(dead).extracting(letter -> header(letter, DeadLetter.SOURCE_OFFSET)).containsExactly("1", "2", "3", "4");
            assertThat(dead).allSatisfy(letter -> {
                assertThat(header(letter, DeadLetter.SOURCE_TOPIC)).isEqualTo(name);
                assertThat(header(letter, DeadLetter.SOURCE_PARTITION)).isEqualTo("0");
                assertThat(header(letter, DeadLetter.TIME)).isNotBlank();
                assertThat(header(letter, DeadLetter.DETAIL)).doesNotContain("org.", "java.", "Exception");
            });
            assertThat(stored()).isEqualTo(6L);
            assertThat(DeadLetterCounter.perConsumer(meters)).containsEntry(name, 4L);
            assertThat(runner.isReady()).as("the projection goes on").isTrue();
        }

        // restarted, it resumes after the set-aside records instead of failing on them again
        produce("good-3", "third note");
        try (var restarted = runner(notes()).start()) {
            await().atMost(WAIT).until(() -> notesStored().contains("good-3"));
            assertThat(deadLetters()).hasSize(4);
        }
    }

    @Test
    void aBatchRecordThatFailsSetsAsideOnlyItsFailingItemsEachAloneAndAppliesTheOthersWithItsOffset() {
        TopicAdmin.ensureTopics(bootstrap, List.of(new NewTopic(name, Optional.of(1), Optional.empty())));
        produce("batch", "alpha,a\u0000,beta,overflow,gamma"); // a NUL in one item, an overflowing sum in another
        produce("single", "delta");
        // a value is a batch of comma-separated items, each keyed by itself
        ProjectionRunner.Items<String, String, String> items =
                new ProjectionRunner.Items<>("item", value -> List.of(value.split(",")), item -> item, item -> item);
        ProjectionRunner.Handler<String, String> itemNotes = (tx, records) -> {
            for (ConsumerRecord<String, String> record : records) {
                for (String item : items.itemsOf().apply(record.value())) {
                    notes().apply(tx, List.of(new ConsumerRecord<>(name, 0, record.offset(), item, item)));
                }
            }
        };

        try (var runner = new ProjectionRunner<>(name, topic, bootstrap, name + "-client", database.dsl(),
                TableProjectionOffsets.inSchema("platformtest"), meters, itemNotes, items).start()) {
            await().atMost(WAIT).until(() -> notesStored().size() == 4);
            List<ConsumerRecord<String, String>> dead = await().atMost(WAIT).until(this::deadLetters, letters -> letters.size() == 2);

            assertThat(notesStored()).containsExactlyInAnyOrder("alpha", "beta", "gamma", "delta");
            assertThat(dead).extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(tuple("a\u0000", "a\u0000"), tuple("overflow", "overflow"));
            assertThat(dead).extracting(letter -> header(letter, DeadLetter.REASON)).containsExactly("invalid_text", "overflow");
            assertThat(dead).extracting(letter -> header(letter, DeadLetter.DETAIL).substring(0, "item 2 of 5: ".length()))
                    .containsExactly("item 2 of 5: ", "item 4 of 5: ");
            assertThat(dead).extracting(letter -> header(letter, DeadLetter.SOURCE_OFFSET)).containsExactly("0", "0");
            assertThat(stored()).isEqualTo(2L);
            assertThat(DeadLetterCounter.perConsumer(meters)).containsEntry(name, 2L);
        }
    }

    @Test
    void aTransientFailureIsRetriedNotSetAside() {
        TopicAdmin.ensureTopics(bootstrap, List.of(new NewTopic(name, Optional.of(1), Optional.empty())));
        produce("conflicted", "applied on the third attempt");
        AtomicInteger attempts = new AtomicInteger();
        ProjectionRunner.Handler<String, String> conflictTwice = (tx, records) -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new DataAccessException("serialization failure", new SQLException("could not serialize access", "40001"));
            }
            notes().apply(tx, records);
        };

        try (var runner = runner(conflictTwice).start()) {
            await().atMost(WAIT).until(() -> notesStored().contains("conflicted"));
        }

        assertThat(attempts.get()).isEqualTo(3);
        assertThat(deadLetters()).isEmpty();
        assertThat(DeadLetterCounter.perConsumer(meters)).isEmpty();
    }

    private ProjectionRunner<String, String> runner(ProjectionRunner.Handler<String, String> handler) {
        return new ProjectionRunner<>(name, topic, bootstrap, name + "-client", database.dsl(),
                TableProjectionOffsets.inSchema("platformtest"), meters, handler);
    }

    /** Inserts each note; "n=…" sets the integer column, "overflow" adds past Long.MAX_VALUE. */
    private ProjectionRunner.Handler<String, String> notes() {
        return (tx, records) -> {
            for (ConsumerRecord<String, String> record : records) {
                String note = record.value();
                if (note.equals("overflow")) {
                    Math.addExact(Long.MAX_VALUE, 1);
                }
                Long amount = note.startsWith("n=") ? Long.parseLong(note.substring(2)) : null;
                tx.insertInto(DSL.table(DSL.name("platformtest", "projected_notes")),
                                DSL.field("note_key"), DSL.field("note"), DSL.field("amount"))
                        .values(name + "/" + record.key(), note, amount)
                        .execute();
            }
        };
    }

    private List<String> notesStored() {
        return database.dsl().select(DSL.field("note_key", String.class))
                .from(DSL.table(DSL.name("platformtest", "projected_notes")))
                .where(DSL.field("note_key", String.class).startsWith(name + "/"))
                .fetch(r -> r.value1().substring(name.length() + 1));
    }

    private Long stored() {
        return TableProjectionOffsets.inSchema("platformtest")
                .load(database.dsl(), name, List.of(new TopicPartition(name, 0))).get(new TopicPartition(name, 0));
    }

    private List<ConsumerRecord<String, String>> deadLetters() {
        return KafkaTestRecords.readAll(bootstrap, Topics.DEAD_LETTERS.name(), true).stream()
                .filter(letter -> name.equals(header(letter, DeadLetter.CONSUMER)))
                .toList();
    }

    private static String header(ConsumerRecord<String, String> record, String header) {
        return DeadLetter.header(record.headers(), header);
    }

    private void produce(String key, String value) {
        try (var producer = new KafkaProducer<>(KafkaConfigs.durableProducer(bootstrap, name + "-producer"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(name, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
