package io.microcent.caps.spend;

import io.microcent.caps.spend.CapsOutput.AlertRaised;
import io.microcent.caps.spend.CapsOutput.LineSetAside;
import io.microcent.caps.spend.CapsOutput.StateChanged;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.caps.Reservation;
import io.microcent.model.caps.SpendState;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.CustomerPartitions;
import io.microcent.model.topic.JsonSerde;
import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.usage.RatedBatch;
import io.microcent.platform.kafka.KafkaConfigs;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
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
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The caps topology: spend per customer and per cap scope and period from {@code usage.rated}, checked
 * against the caps from {@code caps.definitions}.
 *
 * <pre>
 * usage.rated ──► count-usage ◄──► [spend-by-period] (GET /v1/customers/{id}/spend) [meters-by-period] (charge worst cases)
 *  (batches)         │      ◄──► [spend-by-scope] [cap-thresholds-fired] ─┬─► caps.state  (key capId|period, compacted)
 *                    ▲ read                                               ├─► caps.alerts (key customer)
 *              [cap-definitions]                                          └─► dead-letters (a line that cannot be counted)
 *                    ▲ write
 * caps.definitions ─► record-cap-definitions (re-checks new and changed caps) ─► caps.state, caps.alerts
 *
 * usage.rated ──► release-reservations ─┐    ◄──► [reservations] ◄──► keep-reservations ◄── caps.reservations
 *                                      └──► tombstones ──► caps.reservations ◄──┘ (expired)
 *
 * price.book ─► [price-book] (global: every instance prices /v1/authorize with the whole book)
 * </pre>
 *
 * {@code usage.rated} is read as batches ({@link Topics#USAGE_RATED_BATCHES}: a record of one line reads as a
 * batch of one); each line is counted under its own customer, never the record key's. Every line of a record
 * belongs to a customer of the record's partition, and {@code usage.rated} and {@code caps.definitions} are
 * co-partitioned by customer, and their processors share stores, so they form one sub-topology: the task that
 * counts a customer's usage also holds its caps. {@code /v1/authorize} reads the same stores (interactive queries) on the instance
 * that owns the customer's partition.
 */
public final class SpendTopology {

    public static final String APPLICATION_ID = "microcent-caps";
    /** {@code <customer>|<period>} ({@link SpendState#key()}) → the customer's spend and requests in the billing period. */
    public static final String SPEND_STORE = "spend-by-period";
    /** {@link SpendKeys} → {@link ScopeSpend}: spend per scope, per month and per day, both measures. */
    public static final String SCOPE_SPEND_STORE = "spend-by-scope";
    /** {@link CapPeriodKey} ({@code <capId>|<period>}, as on {@code caps.state}) → the thresholds that alerted in that period. */
    public static final String THRESHOLDS_STORE = "cap-thresholds-fired";
    /** Customer → its caps, from {@code caps.definitions}. */
    public static final String DEFINITIONS_STORE = "cap-definitions";
    /** {@code <customer>|<YYYY-MM>} → {@link PeriodMeters}: the plan's quantities so far, for charge worst cases. */
    public static final String METERS_STORE = "meters-by-period";
    /** {@code <customer>|<reservationId>} → the open {@link Reservation}: the durable copy of authorization's reservations. */
    public static final String RESERVATIONS_STORE = "reservations";
    /**
     * {@code <customer>|<reservationId>} → when (epoch ms) a usage released a reservation whose record had not
     * been read yet, so that the record, read later, does not open it again.
     */
    public static final String RELEASED_STORE = "reservations-released-early";
    /** Model → its price history, from {@code price.book} (a global store). */
    public static final String PRICE_BOOK_STORE = "price-book";
    /** The values of {@link #SCOPE_SPEND_STORE}, as the topology writes them and authorization reads them. */
    public static final Serde<ScopeSpend> SCOPE_SPEND_VALUES = new JsonSerde<>(ScopeSpend.class);
    /** The values of {@link #METERS_STORE}, as the topology writes them and authorization reads them. */
    public static final Serde<PeriodMeters> METERS_VALUES = new JsonSerde<>(PeriodMeters.class);

    private SpendTopology() {
    }

    /** Without authorization: usage settles no reservation. */
    public static Topology build(StreamsBuilder builder) {
        return build(builder, Reservations.NONE);
    }

    /** Reservations expiring on Kafka Streams' wall clock: a service clock that is the real one. */
    public static Topology build(StreamsBuilder builder, Reservations reservations) {
        return build(builder, reservations, ReservationTime.WALL_CLOCK);
    }

    /** @param serviceClock the clock reservations expire on (the service's, maybe a simulation's) */
    public static Topology build(StreamsBuilder builder, Reservations reservations, Clock serviceClock) {
        return build(builder, reservations, ReservationTime.of(serviceClock));
    }

    static Topology build(StreamsBuilder builder, Reservations reservations, ReservationTime time) {
        // the spend stores are cached: each rated line rewrites its customer's period and every scope it
        // belongs to (a dozen keys); a batch writes each key once, and the cache keeps the latest values and
        // writes each key to RocksDB and the changelog once per commit, not once per batch. It is flushed before the transaction commits
        // (exactly-once unchanged), and interactive queries read through it, so /v1/authorize sees the latest.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SPEND_STORE),
                Serdes.String(), new JsonSerde<>(SpendState.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCOPE_SPEND_STORE),
                Serdes.String(), SCOPE_SPEND_VALUES).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(THRESHOLDS_STORE),
                Topics.CAPS_STATE.keySerde(), new JsonSerde<>(FiredThresholds.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEFINITIONS_STORE),
                Topics.CAPS_DEFINITIONS.keySerde(), Topics.CAPS_DEFINITIONS.valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(METERS_STORE),
                Serdes.String(), METERS_VALUES).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RESERVATIONS_STORE),
                Topics.CAPS_RESERVATIONS.keySerde(), Topics.CAPS_RESERVATIONS.valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RELEASED_STORE),
                Serdes.String(), Serdes.Long()));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PRICE_BOOK_STORE),
                        Topics.PRICE_BOOK.keySerde(), Topics.PRICE_BOOK.valueSerde()).withLoggingDisabled(),
                Topics.PRICE_BOOK.name(), consumed(Topics.PRICE_BOOK), RecordPriceBook::new);

        KStream<CustomerId, RatedBatch> rated = source(builder, Topics.USAGE_RATED_BATCHES);
        rated.process(() -> new ReleaseReservations(time), Named.as("release-reservations"), RESERVATIONS_STORE, RELEASED_STORE)
                .merge(source(builder, Topics.CAPS_RESERVATIONS)
                        .process(() -> new KeepReservations(reservations, time), Named.as("keep-reservations"),
                                RESERVATIONS_STORE, RELEASED_STORE),
                        Named.as("reservation-tombstones"))
                .to(Topics.CAPS_RESERVATIONS.name(), produced(Topics.CAPS_RESERVATIONS)
                        .withStreamPartitioner(SpendTopology::partitionOfCustomer));
        KStream<CapPeriodKey, CapsOutput> fromUsage = rated.process(() -> new CountSpendAndCheckCaps(reservations),
                Named.as(CountSpendAndCheckCaps.NAME), DEFINITIONS_STORE, SPEND_STORE, METERS_STORE, SCOPE_SPEND_STORE, THRESHOLDS_STORE);
        KStream<CapPeriodKey, CapsOutput> fromDefinitions = source(builder, Topics.CAPS_DEFINITIONS)
                .process(RecordCapDefinitions::new, Named.as("record-cap-definitions"),
                        DEFINITIONS_STORE, SCOPE_SPEND_STORE, THRESHOLDS_STORE);

        fromUsage.merge(fromDefinitions, Named.as("caps-outputs"))
                .split(Named.as("caps-"))
                .branch((key, output) -> output instanceof AlertRaised, Branched.withConsumer(alerts -> alerts
                        .map((key, output) -> alertByCustomer(((AlertRaised) output).alert()), Named.as("alert-by-customer"))
                        .to(Topics.CAPS_ALERTS.name(), produced(Topics.CAPS_ALERTS)), "alerts"))
                // the dead letter's headers travel on the record, set where the line was set aside
                .branch((key, output) -> output instanceof LineSetAside, Branched.withConsumer(lines -> lines
                        .map((key, output) -> deadLetter(((LineSetAside) output).letter()), Named.as("line-as-dead-letter"))
                        .to(Topics.DEAD_LETTERS.name(), produced(Topics.DEAD_LETTERS)), "lines-set-aside"))
                .defaultBranch(Branched.withConsumer(states -> states
                        // a removed cap's state becomes a tombstone
                        .mapValues(output -> output instanceof StateChanged changed ? changed.state() : null, Named.as("state-or-tombstone"))
                        .to(Topics.CAPS_STATE.name(), produced(Topics.CAPS_STATE)), "states"));
        return builder.build();
    }

    public static Map<String, Object> streamsConfig(String bootstrap, Path stateDir, int threads) {
        Map<String, Object> config = KafkaConfigs.withGlobalTopics(
                KafkaConfigs.exactlyOnceStreams(bootstrap, APPLICATION_ID, stateDir), Topics.PRICE_BOOK);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        return config;
    }

    /** A {@code caps.reservations} record goes to its customer's partition, as authorization writes it. */
    private static Optional<Set<Integer>> partitionOfCustomer(String topic, String key, Reservation value, int partitions) {
        return Optional.of(Set.of(CustomerPartitions.of(Reservation.customerOf(key), partitions)));
    }

    private static KeyValue<byte[], byte[]> deadLetter(DeadLetter letter) {
        return KeyValue.pair(letter.key(), letter.value());
    }

    private static KeyValue<CustomerId, CapAlert> alertByCustomer(CapAlert alert) {
        return KeyValue.pair(alert.customer(), alert);
    }

    private static <K, V> KStream<K, V> source(StreamsBuilder builder, Topic<K, V> topic) {
        return builder.stream(topic.name(), consumed(topic));
    }

    private static <K, V> Consumed<K, V> consumed(Topic<K, V> topic) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(topic.name());
    }

    private static <K, V> Produced<K, V> produced(Topic<K, V> topic) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName("to-" + topic.name());
    }
}
