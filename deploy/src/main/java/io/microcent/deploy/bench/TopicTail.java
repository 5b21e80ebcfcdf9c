package io.microcent.deploy.bench;

import io.microcent.platform.kafka.KafkaConfigs;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A consumer that reads a topic as a downstream one would (read_committed), from what is written after it started. */
final class TopicTail {

    private TopicTail() {
    }

    static <K, V> KafkaConsumer<K, V> fromEnd(String bootstrap, String topic, String name,
                                              Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> props = KafkaConfigs.committedReader(bootstrap, name + "-" + System.nanoTime(), name);
        props.put("auto.offset.reset", "latest");
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values);
        consumer.subscribe(List.of(topic));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position); // resolves the end now, not at the first poll
        return consumer;
    }
}
