package io.microcent.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.microcent.platform.test.TestInfrastructure;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Streams application stopped cleanly starts again from its local state: no store is rebuilt from its
 * changelog. The topology has what rating has: a window store ({@link CheckpointedWindowStore}) that only
 * some partitions write to, and a key-value store that all write to.
 */
class StreamsRestartTest {

    private static final String KEY_VALUE_STORE = "last-value";
    private static final String WINDOW_STORE = "window-seen";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final String bootstrap = TestInfrastructure.get().kafkaBootstrap();

    @Test
    void aCleanStopAndStartRestoresNoStoreFromItsChangelog() {
        String topic = "restart-test-" + UUID.randomUUID();
        TopicAdmin.ensureTopics(bootstrap, List.of(new NewTopic(topic, 2, (short) 1)));
        String app = "restart-test-" + UUID.randomUUID();
        Path stateDir = TestInfrastructure.newTempDir("streams-restart");
        MeterRegistry meters = new SimpleMeterRegistry();

        StreamsRunner first = start(app, topic, stateDir, meters);
        try (var producer = new KafkaProducer<>(KafkaConfigs.durableProducer(bootstrap, "restart-test"), new StringSerializer(), new StringSerializer())) {
            // partition 0 writes both stores, partition 1 only the key-value store: its window store stays empty
            producer.send(new ProducerRecord<>(topic, 0, "in-window", "window"));
            producer.send(new ProducerRecord<>(topic, 1, "plain", "plain"));
        }
        awaitProcessed(first);
        first.close();
        double restoredBefore = restored(meters, app);

        StreamsRunner second = start(app, topic, stateDir, meters);
        try {
            awaitProcessed(second);
            assertThat(restored(meters, app) - restoredBefore).as("records restored from changelogs after a clean stop").isZero();
        } finally {
            second.close();
        }
    }

    private StreamsRunner start(String app, String topic, Path stateDir, MeterRegistry meters) {
        Map<String, Object> config = KafkaConfigs.exactlyOnceStreams(bootstrap, app, stateDir);
        config.put(StreamsConfig.CLIENT_ID_CONFIG, app + "-instance");
        return StreamsRunner.start(app, topology(topic), config, meters);
    }

    private static Topology topology(String topic) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(KEY_VALUE_STORE), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.windowStoreBuilder(
                CheckpointedWindowStore.persistent(WINDOW_STORE, Duration.ofDays(40), Duration.ofMillis(1), false),
                Serdes.String(), Serdes.String()));
        builder.stream(topic, Consumed.with(Serdes.String(), Serdes.String()))
                .process(Remember::new, KEY_VALUE_STORE, WINDOW_STORE);
        return builder.build();
    }

    private static void awaitProcessed(StreamsRunner runner) {
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            ReadOnlyKeyValueStore<String, String> store = runner.streams().store(
                    StoreQueryParameters.fromNameAndType(KEY_VALUE_STORE, QueryableStoreTypes.keyValueStore()));
            return store.get("in-window") != null && store.get("plain") != null;
        });
    }

    private static double restored(MeterRegistry meters, String app) {
        return meters.find(RestoreProgress.METRIC).tag("app", app).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static final class Remember implements Processor<String, String, Void, Void> {

        private KeyValueStore<String, String> lastValue;
        private WindowStore<String, String> seen;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            lastValue = context.getStateStore(KEY_VALUE_STORE);
            seen = context.getStateStore(WINDOW_STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            lastValue.put(record.key(), record.value());
            if (record.value().equals("window")) {
                seen.put(record.key(), record.value(), record.timestamp());
            }
        }
    }
}
