package io.microcent.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.microcent.platform.test.KafkaTestRecords;
import io.microcent.platform.test.TestInfrastructure;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The shared broker works the way the services use it: idempotent writes, groups, transactions. */
class KafkaBrokerTest {

    private final String bootstrap = TestInfrastructure.get().kafkaBootstrap();

    @Test
    void idempotentProducerRecordReachesReadCommittedConsumerGroup() throws Exception {
        String topic = newTopic(2);
        String key = "tenant-" + UUID.randomUUID();
        RecordMetadata written;
        try (KafkaProducer<String, String> producer = producer(null)) {
            written = producer.send(new ProducerRecord<>(topic, key, "42 tokens")).get();
        }

        String group = "group-" + UUID.randomUUID();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
            // committing offsets needs the group coordinator, i.e. a working __consumer_offsets topic
            consumer.commitSync();
            TopicPartition partition = new TopicPartition(topic, written.partition());
            OffsetAndMetadata committed = consumer.committed(java.util.Set.of(partition)).get(partition);
            assertThat(committed).isNotNull();
            assertThat(committed.offset()).isEqualTo(written.offset() + 1);
        }

        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(key);
            assertThat(record.value()).isEqualTo("42 tokens");
            assertThat(record.offset()).isEqualTo(written.offset());
        });
    }

    @Test
    void committedTransactionIsVisibleAndAbortedOneIsNot() {
        String topic = newTopic(1);
        try (KafkaProducer<String, String> producer = producer("tx-" + UUID.randomUUID())) {
            producer.initTransactions();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.flush(); // otherwise the abort drops it before it reaches the broker
            producer.abortTransaction();
        }

        assertThat(KafkaTestRecords.readAllValues(bootstrap, topic, true)).containsExactly("committed");
        // the aborted record was written, read_committed really filtered it out
        assertThat(KafkaTestRecords.readAllValues(bootstrap, topic, false)).containsExactly("committed", "aborted");
    }

    private String newTopic(int partitions) {
        String name = "broker-test-" + UUID.randomUUID();
        TopicAdmin.ensureTopics(bootstrap, List.of(new NewTopic(name, partitions, (short) 1)));
        return name;
    }

    private KafkaProducer<String, String> producer(String transactionalId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        if (transactionalId != null) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
