package io.microcent.platform.test;

import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a whole topic from a test, without a consumer group and without guessing how long to poll. Values are
 * text as {@link Topics#valueAsText} shows them: a binary usage record as its JSON (a dead letter's value by its
 * source topic), so that a test reads every topic's records as JSON.
 */
public final class KafkaTestRecords {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private KafkaTestRecords() {
    }

    /**
     * Every record of {@code topic} as a consumer with the given isolation sees it, read from the
     * beginning up to the current end (for read_committed: the last stable offset), so a record
     * that is missing is really not visible rather than not yet fetched.
     */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic, boolean readCommitted) {
        return readAll(bootstrap, topic, readCommitted, new StringDeserializer(), new ReadableValues());
    }

    /** {@link #readAll(String, String, boolean)} with these deserializers (bytes, say, for values that are not text). */
    public static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrap, String topic, boolean readCommitted,
                                                            Deserializer<K> keys, Deserializer<V> values) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<ConsumerRecord<K, V>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("did not reach the end of " + topic + " " + end + " in " + TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    public static List<String> readAllValues(String bootstrap, String topic, boolean readCommitted) {
        return readAll(bootstrap, topic, readCommitted).stream().map(ConsumerRecord::value).toList();
    }

    /** The records of {@code dead-letters} that {@code consumer} set aside for {@code customer}, in order, values as text. */
    public static List<ConsumerRecord<String, String>> deadLettersOf(String bootstrap, String consumer, String customer) {
        return readAll(bootstrap, Topics.DEAD_LETTERS.name(), true).stream()
                .filter(letter -> consumer.equals(DeadLetter.header(letter.headers(), DeadLetter.CONSUMER)))
                .filter(letter -> customer.equals(DeadLetter.header(letter.headers(), DeadLetter.CUSTOMER)))
                .toList();
    }

    /** Each value as {@link Topics#valueAsText} shows it; bytes it cannot show are decoded as UTF-8, as before. */
    private static final class ReadableValues implements Deserializer<String> {
        @Override
        public String deserialize(String topic, byte[] data) {
            return deserialize(topic, null, data);
        }

        @Override
        public String deserialize(String topic, Headers headers, byte[] data) {
            if (data == null) {
                return null;
            }
            Header source = headers == null ? null : headers.lastHeader(DeadLetter.SOURCE_TOPIC);
            String valueTopic = Topics.DEAD_LETTERS.name().equals(topic) && source != null
                    ? new String(source.value(), StandardCharsets.UTF_8) : topic;
            try {
                return Topics.valueAsText(valueTopic, data);
            } catch (SerializationException e) {
                return new String(data, StandardCharsets.UTF_8);
            }
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), TIMEOUT) >= e.getValue());
    }
}
