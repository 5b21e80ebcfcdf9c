package io.microcent.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.microcent.model.json.Json;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.test.KafkaTestRecords;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the tests read back from {@code usage.events} on the shared test broker. */
public final class UsageLog {

    public static final String TOPIC = Topics.USAGE_EVENTS.name();

    private final String bootstrap;

    public UsageLog(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Every record of one customer (tests use a customer of their own), in log order. */
    public List<ConsumerRecord<String, String>> recordsOf(String customer) {
        return KafkaTestRecords.readAll(bootstrap, TOPIC, true).stream()
                .filter(r -> customer.equals(r.key()))
                .toList();
    }

    public List<UsageEvent> eventsOf(String customer) {
        return recordsOf(customer).stream().map(UsageLog::usageEvent).toList();
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

    public static UsageEvent usageEvent(ConsumerRecord<String, String> record) {
        try {
            return Json.mapper().readValue(record.value(), UsageEvent.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
