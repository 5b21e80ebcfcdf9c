package io.microcent.deploy.bench;

import io.microcent.model.topic.Topics;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.kafka.TopicAdmin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The ceiling on the same broker: the same usage events, serialized the same way, produced with the same
 * durable producer settings and consumed read_committed — no HTTP, validation, rating or database.
 */
final class RawKafkaBaseline {

    private RawKafkaBaseline() {
    }

    /** Produces and consumes {@code events}; returns the elapsed time from first send to last record read. */
    static Duration run(String bootstrap, List<UsageEvent> events, int partitions, String runId) {
        String topic = "bench.raw." + runId;
        TopicAdmin.ensureTopics(bootstrap, List.of(new NewTopic(topic, partitions, (short) 1)));
        List<byte[]> keys = events.stream().map(e -> Topics.CUSTOMER_KEY.serializer().serialize(topic, e.customer())).toList();
        List<byte[]> values = events.stream().map(e -> Topics.USAGE_EVENTS.valueSerde().serializer().serialize(topic, e)).toList();

        Map<String, Object> consumerProps = KafkaConfigs.committedReader(bootstrap, "bench-raw-" + runId, "bench-raw");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaConfigs.durableProducer(bootstrap, "bench-raw"),
                new ByteArraySerializer(), new ByteArraySerializer());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().size() < partitions) {
                consumer.poll(Duration.ofMillis(100));
            }
            long start = System.nanoTime();
            Thread sender = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < keys.size(); i++) {
                    producer.send(new ProducerRecord<>(topic, keys.get(i), values.get(i)));
                }
                producer.flush();
            });
            long read = 0;
            while (read < events.size()) {
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            sender.join();
            return elapsed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
