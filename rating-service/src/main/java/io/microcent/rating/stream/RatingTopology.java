package io.microcent.rating.stream;

import io.microcent.model.id.CustomerId;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.rating.stream.RatingOutcome.Rated;
import io.microcent.rating.stream.RatingOutcome.Rejected;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import java.nio.file.Path;
import java.util.Map;

/**
 * The rating topology: {@code usage.events} (+ {@code customer.plans}) → {@code usage.rated} or
 * {@code usage.dead-letter}.
 *
 * <pre>
 * customer.plans ──► record-customer-plan ──► [customer-plans]
 *                                                   │ read
 * usage.events ─────► rate-usage ◄──────────────────┘ read/write [allowance-consumed]
 *                        ├─ rated    ──► usage.rated
 *                        └─ rejected ──► usage.dead-letter (header microcent.reason)
 * </pre>
 *
 * Both inputs are keyed by customer and co-partitioned, and both processors share the plans store,
 * so they form one sub-topology: the task that rates a customer's usage also holds its plan.
 */
public final class RatingTopology {

    public static final String APPLICATION_ID = "microcent-rating";
    /** Customer → its current {@link io.microcent.model.usage.CustomerPlan}. */
    public static final String CUSTOMER_PLANS_STORE = "customer-plans";
    /** {@code <customer>|<period>} → requests counted against the allowance in that period so far. */
    public static final String ALLOWANCE_STORE = "allowance-consumed";

    private RatingTopology() {
    }

    /** Rating with {@link RatingRules#of the default rules} for these plans. */
    public static Topology build(StreamsBuilder builder, PlanCatalog plans) {
        return build(builder, RatingRules.of(plans));
    }

    public static Topology build(StreamsBuilder builder, RatingRules rules) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CUSTOMER_PLANS_STORE),
                Topics.CUSTOMER_PLANS.keySerde(), Topics.CUSTOMER_PLANS.valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALLOWANCE_STORE),
                Serdes.String(), Serdes.Long()));

        source(builder, Topics.CUSTOMER_PLANS)
                .process(CustomerPlanRecorder::new, Named.as("record-customer-plan"), CUSTOMER_PLANS_STORE);

        source(builder, Topics.USAGE_EVENTS)
                .processValues(() -> new RatingProcessor(rules), Named.as("rate-usage"),
                        CUSTOMER_PLANS_STORE, ALLOWANCE_STORE)
                .split(Named.as("usage-"))
                .branch((customer, outcome) -> outcome instanceof Rated, Branched.withConsumer(rated -> rated
                        .mapValues(outcome -> ((Rated) outcome).usage(), Named.as("rated-usage"))
                        .to(Topics.USAGE_RATED.name(), produced(Topics.USAGE_RATED)), "rated"))
                .defaultBranch(Branched.withConsumer(rejected -> rejected
                        .mapValues(outcome -> ((Rejected) outcome).event(), Named.as("rejected-event"))
                        .to(Topics.USAGE_DEAD_LETTER.name(), produced(Topics.USAGE_DEAD_LETTER)), "rejected"));
        return builder.build();
    }

    /** The Kafka Streams settings of rating: exactly-once, plus unreadable usage dead-lettered. */
    public static Map<String, Object> streamsConfig(String bootstrap, Path stateDir, int threads) {
        Map<String, Object> config = KafkaConfigs.exactlyOnceStreams(bootstrap, APPLICATION_ID, stateDir);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, UnreadableEventHandler.class);
        return config;
    }

    static String allowanceKey(CustomerId customer, BillingPeriod period) {
        return customer.raw() + "|" + period;
    }

    private static <K, V> KStream<K, V> source(StreamsBuilder builder, Topic<K, V> topic) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName(topic.name()));
    }

    private static <K, V> Produced<K, V> produced(Topic<K, V> topic) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName("to-" + topic.name());
    }
}
