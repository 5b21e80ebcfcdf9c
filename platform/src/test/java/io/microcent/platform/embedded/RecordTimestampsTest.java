package io.microcent.platform.embedded;

import io.microcent.platform.kafka.TopicAdmin;
import io.microcent.platform.test.TestInfrastructure;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A simulation's clock stamps records far from real time: the embedded broker takes them and keeps their stamps. */
class RecordTimestampsTest {

    @Test
    void recordsStampedYearsInThePastOrTheFutureAreAcceptedWithTheirTimestamps() throws Exception {
        long past = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
        long future = Instant.now().plus(Duration.ofDays(400)).toEpochMilli();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(TestInfrastructure.newTempDir("kafka-timestamps"))) {
            TopicAdmin.ensureTopics(kafka.bootstrapServers(), List.of(new NewTopic("stamped", 1, (short) 1)));
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("stamped", 0, past, "k", "past")).get();
                producer.send(new ProducerRecord<>("stamped", 0, future, "k", "future")).get();
            }

            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
                TopicPartition partition = new TopicPartition("stamped", 0);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (read.size() < 2 && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                }
            }
            assertThat(read).extracting(ConsumerRecord::value).containsExactly("past", "future");
            assertThat(read).extracting(ConsumerRecord::timestamp).containsExactly(past, future);
        }
    }
}
