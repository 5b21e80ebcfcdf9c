package io.microcent.caps.spend;

import io.microcent.model.topic.Topics;
import io.microcent.platform.kafka.KafkaConfigs;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import java.nio.file.Path;
import java.util.Map;

/**
 * The spend topology: {@code usage.rated} → spend per customer per billing period → {@code caps.state}.
 *
 * <pre>
 * usage.rated ──► record-spend ◄──► [spend-by-period] ──► caps.state (compacted, key &lt;customer&gt;|&lt;period&gt;)
 * </pre>
 *
 * {@code usage.rated} is keyed by customer, so every period (and, later, every finer scope) of one
 * customer lives in one task: a cap check can read the customer's spend and caps settings without
 * a repartition.
 */
public final class SpendTopology {

    public static final String APPLICATION_ID = "microcent-caps";
    /** {@code <customer>|<period>} ({@link io.microcent.model.caps.SpendState#key()}) → the period's spend so far. */
    public static final String SPEND_STORE = "spend-by-period";

    private SpendTopology() {
    }

    public static Topology build(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SPEND_STORE),
                Serdes.String(), Topics.CAPS_STATE.valueSerde()));
        builder.stream(Topics.USAGE_RATED.name(), Consumed.with(Topics.USAGE_RATED.keySerde(), Topics.USAGE_RATED.valueSerde())
                        .withName(Topics.USAGE_RATED.name()))
                .process(SpendRecorder::new, Named.as("record-spend"), SPEND_STORE)
                .to(Topics.CAPS_STATE.name(), Produced.with(Topics.CAPS_STATE.keySerde(), Topics.CAPS_STATE.valueSerde())
                        .withName("to-" + Topics.CAPS_STATE.name()));
        return builder.build();
    }

    public static Map<String, Object> streamsConfig(String bootstrap, Path stateDir, int threads) {
        Map<String, Object> config = KafkaConfigs.exactlyOnceStreams(bootstrap, APPLICATION_ID, stateDir);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        return config;
    }
}
