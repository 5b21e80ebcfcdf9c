package io.microcent.rating.stream;

import io.microcent.model.id.CustomerId;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.topic.JsonSerde;
import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.rating.dedup.RatedEventIds;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.rating.stream.RatingOutcome.Rated;
import io.microcent.rating.stream.RatingOutcome.Rejected;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The rating topology: {@code usage.events} (+ {@code customer.plans}) → {@code usage.rated} or
 * {@code dead-letters}.
 *
 * <pre>
 * customer.plans ──► record-customer-plan ──► [customer-plans]
 *                                                   │ read
 * usage.events ──► rate-usage ◄─────────────────────┘ read/write [period-usage], [rated-event-ids]
 * (a batch of      │  reads [price-book] ◄── price.book (global table)
 *  events a record)├─ rated    ──► usage.rated (one batch of lines per input record)
 *                  └─ rejected ──► dead-letters (each event alone, headers microcent.reason, ...)
 * </pre>
 *
 * Each record of {@code usage.events} holds a batch of events of the customers of its partition
 * ({@link RatingProcessor}: dropped if already rated, else rated under the event's own customer's plan).
 *
 * Both inputs are keyed by customer and co-partitioned, and both processors share the plans store,
 * so they form one sub-topology: the task that rates a customer's usage also holds its plan.
 */
public final class RatingTopology {

    public static final String APPLICATION_ID = io.microcent.model.topic.ConsumerGroups.RATING;
    /** Customer → its current {@link io.microcent.model.usage.CustomerPlan}. */
    public static final String CUSTOMER_PLANS_STORE = "customer-plans";
    /** {@code <customer>|<period>} → the customer's running {@link MeterTotals} in that period. */
    public static final String PERIOD_USAGE_STORE = "period-usage";
    /** Price book key → the model's {@link io.microcent.model.price.ModelPriceHistory}; a global table, every task reads all of it. */
    public static final String PRICE_BOOK_STORE = "price-book";

    private RatingTopology() {
    }

    /** Rating with {@link RatingRules#of the default rules} for these plans. */
    public static Topology build(StreamsBuilder builder, PlanCatalog plans) {
        return build(builder, RatingRules.of(plans));
    }

    /** Rating that remembers rated event ids for {@link RatedEventIds#DEFAULT_RETENTION}. */
    public static Topology build(StreamsBuilder builder, RatingRules rules) {
        return build(builder, rules, RatedEventIds.DEFAULT_RETENTION);
    }

    /** @param dedupRetention how long a rated event id is remembered, so that a repeat of it is dropped */
    public static Topology build(StreamsBuilder builder, RatingRules rules, Duration dedupRetention) {
        builder.globalTable(Topics.PRICE_BOOK.name(),
                Consumed.with(Topics.PRICE_BOOK.keySerde(), Topics.PRICE_BOOK.valueSerde()).withName(Topics.PRICE_BOOK.name()),
                Materialized.as(PRICE_BOOK_STORE));
        builder.addStateStore(RatedEventIds.storeBuilder(dedupRetention));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CUSTOMER_PLANS_STORE),
                Topics.CUSTOMER_PLANS.keySerde(), Topics.CUSTOMER_PLANS.valueSerde()));
        // cached: a customer's period totals are rewritten by every one of its events; the cache keeps the
        // latest and writes it to RocksDB and the changelog once per commit instead of once per event
        // (flushed before the transaction commits, so exactly-once is unchanged)
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PERIOD_USAGE_STORE),
                Serdes.String(), new JsonSerde<>(MeterTotals.class)).withCachingEnabled());

        source(builder, Topics.CUSTOMER_PLANS)
                .process(CustomerPlanRecorder::new, Named.as("record-customer-plan"), CUSTOMER_PLANS_STORE);

        source(builder, Topics.USAGE_EVENT_BATCHES)
                .process(() -> new RatingProcessor(rules, dedupRetention), Named.as("rate-usage"),
                        RatedEventIds.STORE, CUSTOMER_PLANS_STORE, PERIOD_USAGE_STORE)
                .split(Named.as("usage-"))
                .branch((customer, outcome) -> outcome instanceof Rated, Branched.withConsumer(rated -> rated
                        .mapValues(outcome -> ((Rated) outcome).batch(), Named.as("rated-usage"))
                        // keyed by the first line's customer: the input partition, as every line's customer has it
                        .to(Topics.USAGE_RATED_BATCHES.name(), produced(Topics.USAGE_RATED_BATCHES)), "rated"))
                .defaultBranch(Branched.withConsumer(rejected -> rejected
                        .mapValues(outcome -> ((Rejected) outcome).event(), Named.as("rejected-event"))
                        // one event per record, keyed by the customer's bytes, as a record of one event on
                        // usage.events, so a replay republishes it unchanged; the platform's handlers set aside what throws
                        .to(Topics.DEAD_LETTERS.name(), Produced.with(Topics.USAGE_EVENTS.keySerde(), Topics.USAGE_EVENTS.valueSerde())
                                .withName("to-" + Topics.DEAD_LETTERS.name())), "rejected"));
        return builder.build();
    }

    /** The Kafka Streams settings of rating: exactly-once, unreadable and failing records set aside (the platform's). */
    public static Map<String, Object> streamsConfig(String bootstrap, Path stateDir, int threads) {
        Map<String, Object> config = KafkaConfigs.withGlobalTopics(
                KafkaConfigs.exactlyOnceStreams(bootstrap, APPLICATION_ID, stateDir), Topics.PRICE_BOOK);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        return config;
    }

    static String periodKey(CustomerId customer, BillingPeriod period) {
        return customer.raw() + "|" + period;
    }

    private static <K, V> KStream<K, V> source(StreamsBuilder builder, Topic<K, V> topic) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName(topic.name()));
    }

    private static <K, V> Produced<K, V> produced(Topic<K, V> topic) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName("to-" + topic.name());
    }
}
