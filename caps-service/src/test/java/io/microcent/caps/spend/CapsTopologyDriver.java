package io.microcent.caps.spend;

import io.microcent.caps.authorize.CapsStores;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.caps.CapState;
import io.microcent.model.caps.CustomerCaps;
import io.microcent.model.caps.Reservation;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ModelId;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/** The caps topology on a {@link TopologyTestDriver}: caps and rated usage in, states and alerts out, stores to read. */
public final class CapsTopologyDriver implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final TestInputTopic<CustomerId, RatedUsage> rated;
    private final TestInputTopic<CustomerId, RatedBatch> ratedBatches;
    private final TestOutputTopic<byte[], byte[]> deadLetters;
    private final TestInputTopic<CustomerId, CustomerCaps> definitions;
    private final TestInputTopic<ModelId, ModelPriceHistory> prices;
    private final TestOutputTopic<CapPeriodKey, CapState> states;
    private final TestOutputTopic<CustomerId, CapAlert> alerts;
    private final TestInputTopic<String, Reservation> reservationsIn;
    private final TestOutputTopic<String, Reservation> reservationsOut;
    private final AtomicLong versions = new AtomicLong();

    public CapsTopologyDriver(Path stateDir, Reservations reservations, Instant start) {
        this(stateDir, reservations, start, ReservationTime.WALL_CLOCK);
    }

    /** @param start the driver's wall clock at start; {@code time} how far the service clock is from it */
    CapsTopologyDriver(Path stateDir, Reservations reservations, Instant start, ReservationTime time) {
        Properties config = new Properties();
        config.putAll(SpendTopology.streamsConfig("unused:9092", stateDir, 1));
        driver = new TopologyTestDriver(SpendTopology.build(new StreamsBuilder(), reservations, time), config, start);
        rated = input(Topics.USAGE_RATED);
        ratedBatches = input(Topics.USAGE_RATED_BATCHES);
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        definitions = input(Topics.CAPS_DEFINITIONS);
        prices = input(Topics.PRICE_BOOK);
        states = driver.createOutputTopic(Topics.CAPS_STATE.name(), Topics.CAPS_STATE.keySerde().deserializer(),
                Topics.CAPS_STATE.valueSerde().deserializer());
        alerts = driver.createOutputTopic(Topics.CAPS_ALERTS.name(), Topics.CAPS_ALERTS.keySerde().deserializer(),
                Topics.CAPS_ALERTS.valueSerde().deserializer());
        reservationsIn = input(Topics.CAPS_RESERVATIONS);
        reservationsOut = driver.createOutputTopic(Topics.CAPS_RESERVATIONS.name(), Topics.CAPS_RESERVATIONS.keySerde().deserializer(),
                Topics.CAPS_RESERVATIONS.valueSerde().deserializer());
    }

    /** Rated usage, with its event time as Kafka timestamp (as ingest sets it). */
    public void send(RatedUsage... usages) {
        for (RatedUsage usage : usages) {
            rated.pipeInput(usage.event().customer(), usage, usage.event().ingestedAt());
        }
    }

    /**
     * The lines as one batch record, as rating writes them: keyed by the first line's customer, stamped with its
     * ingest time (the driver has one partition, which every customer shares).
     */
    public void sendBatch(RatedUsage... lines) {
        RatedUsage first = lines[0];
        ratedBatches.pipeInput(first.event().customer(), new RatedBatch(List.of(lines)), first.event().ingestedAt());
    }

    /** Every record written on dead-letters since the last read. */
    public List<org.apache.kafka.streams.test.TestRecord<byte[], byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    /** Every record written on a store's changelog since the last read, values as text. */
    public List<KeyValue<String, String>> changelog(String store) {
        return driver.createOutputTopic(SpendTopology.APPLICATION_ID + "-" + store + "-changelog",
                Serdes.String().deserializer(), Serdes.String().deserializer()).readKeyValuesToList();
    }

    /** The customer's whole list of caps, as published when an operator changed one at {@code at}. */
    public void caps(CustomerId customer, Instant at, CapDefinition... caps) {
        definitions.pipeInput(customer, new CustomerCaps(customer, versions.incrementAndGet(), Arrays.asList(caps)), at);
    }

    /** A reservation as {@code /v1/authorize} records it on caps.reservations. */
    public void reserved(Reservation reservation) {
        reservationsIn.pipeInput(reservation.key(), reservation);
    }

    /** Every record the topology wrote on caps.reservations since the last read (tombstones as {@code null} values). */
    public List<KeyValue<String, Reservation>> reservationRecords() {
        return reservationsOut.readKeyValuesToList();
    }

    /** Moves the driver's wall clock (reservation expiry sweeps run on it). */
    public void advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
    }

    public void price(ModelPriceHistory history) {
        prices.pipeInput(history.model(), history);
    }

    /** Every record published on caps.state since the last read, tombstones as {@code null} values. */
    public List<KeyValue<CapPeriodKey, CapState>> states() {
        return states.readKeyValuesToList();
    }

    public List<CapAlert> alerts() {
        return alerts.readValuesToList();
    }

    public KeyValueStore<String, ScopeSpend> spendStore() {
        return driver.getKeyValueStore(SpendTopology.SCOPE_SPEND_STORE);
    }

    public <K, V> KeyValueStore<K, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    /** The stores authorization reads, straight from the driver (one partition: every customer's). */
    public CapsStores stores() {
        return new CapsStores() {
            @Override
            public ReadOnlyKeyValueStore<CustomerId, CustomerCaps> definitions(CustomerId customer) {
                return driver.getKeyValueStore(SpendTopology.DEFINITIONS_STORE);
            }

            @Override
            public ReadOnlyKeyValueStore<String, ScopeSpend> spend(CustomerId customer) {
                return driver.getKeyValueStore(SpendTopology.SCOPE_SPEND_STORE);
            }

            @Override
            public ReadOnlyKeyValueStore<String, PeriodMeters> meters(CustomerId customer) {
                return driver.getKeyValueStore(SpendTopology.METERS_STORE);
            }
        };
    }

    private <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
