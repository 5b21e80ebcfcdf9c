package io.microcent.ingest;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.UsageBatch;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.test.KafkaTestRecords;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the tests read back from {@code usage.events} on the shared test broker. */
public final class UsageLog {

    public static final String TOPIC = Topics.USAGE_EVENT_BATCHES.name();

    /**
     * One event as the log holds it, with the record that carries it (a record holds a batch of events).
     *
     * @param key       the record's key: the customer of the batch's first event
     * @param timestamp the record's timestamp
     */
    public record Logged(UsageEvent event, String key, int partition, long offset, long timestamp) {
    }

    private final String bootstrap;

    public UsageLog(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Every event of one customer (tests use a customer of their own), in log order, each with its record. */
    public List<Logged> recordsOf(String customer) {
        CustomerId wanted = CustomerId.of(customer);
        return records().stream()
                .flatMap(record -> batchOf(record).events().stream()
                        .filter(event -> event.customer().equals(wanted))
                        .map(event -> new Logged(event, Topics.CUSTOMER_KEY.deserializer().deserialize(TOPIC, record.key()).raw(),
                                record.partition(), record.offset(), record.timestamp())))
                .toList();
    }

    public List<UsageEvent> eventsOf(String customer) {
        return recordsOf(customer).stream().map(Logged::event).toList();
    }

    /** The records holding any event of the customer, in log order. */
    public List<ConsumerRecord<byte[], byte[]>> batchesOf(String customer) {
        CustomerId wanted = CustomerId.of(customer);
        return records().stream()
                .filter(record -> batchOf(record).events().stream().anyMatch(event -> event.customer().equals(wanted)))
                .toList();
    }

    public static UsageBatch batchOf(ConsumerRecord<byte[], byte[]> record) {
        return Topics.USAGE_EVENT_BATCHES.valueSerde().deserializer().deserialize(TOPIC, record.value());
    }

    private List<ConsumerRecord<byte[], byte[]>> records() {
        return KafkaTestRecords.readAll(bootstrap, TOPIC, true, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The end of every partition of the usage log, as a read_committed consumer sees it. */
    public Map<TopicPartition, Long> endOffsets() {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition()))
                    .toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(30));
        }
    }
}
