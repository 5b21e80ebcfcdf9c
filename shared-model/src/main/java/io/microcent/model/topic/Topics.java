package io.microcent.model.topic;

import io.microcent.model.caps.CapAlert;
import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.caps.CapState;
import io.microcent.model.caps.CustomerCaps;
import io.microcent.model.caps.Reservation;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.InvalidIdException;
import io.microcent.model.id.ModelId;
import io.microcent.model.invoice.InvoiceNotification;
import io.microcent.model.json.Utf8;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageBatch;
import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Every Kafka topic of Microcent. Usage topics are keyed by customer, so one customer's events stay in
 * order on one partition and every per-customer state (allowance, spend) lives in one task.
 */
public final class Topics {

    public static final Serde<CustomerId> CUSTOMER_KEY = IdSerde.of(CustomerId::raw, CustomerId::of);
    public static final Serde<ModelId> MODEL_KEY = IdSerde.of(ModelId::raw, ModelId::of);

    /**
     * Accepted usage facts, as ingested. The log re-rating replays. Written binary (one event); reads any record
     * of the topic holding one event: binary, or JSON as written before ({@link UsageRecords}).
     */
    public static final Topic<CustomerId, UsageEvent> USAGE_EVENTS =
            new Topic<>("usage.events", CUSTOMER_KEY, new SingleItemSerde<>(UsageRecords.USAGE_EVENTS), Topic.Retention.LOG);

    /**
     * {@link #USAGE_EVENTS} read and written as batches: ingest writes one record per request and partition,
     * keyed by the batch's first customer; a record of one event reads as a batch of one. The same topic, so
     * not listed in {@link #all()}.
     */
    public static final Topic<CustomerId, UsageBatch> USAGE_EVENT_BATCHES = new Topic<>("usage.events", CUSTOMER_KEY,
            new BatchSerde<>(UsageRecords.USAGE_EVENTS, "a usage batch", UsageBatch::events, UsageBatch::new), Topic.Retention.LOG);

    /** Usage facts with their provider cost and customer charge; written and read like {@link #USAGE_EVENTS}. */
    public static final Topic<CustomerId, RatedUsage> USAGE_RATED =
            new Topic<>("usage.rated", CUSTOMER_KEY, new SingleItemSerde<>(UsageRecords.USAGE_RATED), Topic.Retention.LOG);

    /**
     * {@link #USAGE_RATED} read and written as batches: rating writes one record per batch of events it rated,
     * keyed by its first line's customer; a record of one line reads as a batch of one. The same topic, so not
     * listed in {@link #all()}.
     */
    public static final Topic<CustomerId, RatedBatch> USAGE_RATED_BATCHES = new Topic<>("usage.rated", CUSTOMER_KEY,
            new BatchSerde<>(UsageRecords.USAGE_RATED, "a rated batch", RatedBatch::lines, RatedBatch::new), Topic.Retention.LOG);

    /**
     * Every record any consumer set aside instead of processing (usage rating could not rate, a record a
     * projection or a topology failed on, unreadable bytes): the original key and value bytes, unchanged,
     * with why, by whom and from where in the headers ({@link io.microcent.model.deadletter.DeadLetter}).
     * One record never stops a pipeline; it lands here.
     */
    public static final Topic<byte[], byte[]> DEAD_LETTERS =
            new Topic<>("dead-letters", Serdes.ByteArray(), Serdes.ByteArray(), Topic.Retention.LOG);

    /** Each customer's current plan, published by invoicing. */
    public static final Topic<CustomerId, CustomerPlan> CUSTOMER_PLANS =
            new Topic<>("customer.plans", CUSTOMER_KEY, new JsonSerde<>(CustomerPlan.class), Topic.Retention.COMPACTED);

    /**
     * Every customer's caps (the whole list per customer), published by caps-service when an operator
     * changes one; keyed by customer like {@code usage.rated}, so the caps topology joins them without a
     * repartition.
     */
    public static final Topic<CustomerId, CustomerCaps> CAPS_DEFINITIONS =
            new Topic<>("caps.definitions", CUSTOMER_KEY, new JsonSerde<>(CustomerCaps.class), Topic.Retention.COMPACTED);

    /** Each cap's spend per period and whether new calls are allowed or blocked, keyed {@code <capId>|<period>}; the latest per key. */
    public static final Topic<CapPeriodKey, CapState> CAPS_STATE = new Topic<>("caps.state",
            IdSerde.of(CapPeriodKey::toString, CapPeriodKey::parse), new JsonSerde<>(CapState.class), Topic.Retention.COMPACTED);

    /** Each cap threshold crossed, once per cap, threshold and period; read by alert delivery. */
    public static final Topic<CustomerId, CapAlert> CAPS_ALERTS =
            new Topic<>("caps.alerts", CUSTOMER_KEY, new JsonSerde<>(CapAlert.class), Topic.Retention.LOG);

    /**
     * Each invoice transition (finalized, paid, payment failed, voided, marked uncollectible), once per
     * transition, published by invoicing before the transition is stored; read by webhook delivery in caps.
     */
    public static final Topic<CustomerId, InvoiceNotification> INVOICE_EVENTS =
            new Topic<>("invoice.events", CUSTOMER_KEY, new JsonSerde<>(InvoiceNotification.class), Topic.Retention.LOG);

    /**
     * Open reservations of {@code /v1/authorize}, keyed {@code <customer>|<reservationId>}, a tombstone when
     * one is released or expires. Each record is written to the partition its customer has on
     * {@code usage.rated} ({@link CustomerPartitions}), so that the task counting a customer's usage holds its
     * reservations.
     */
    public static final Topic<String, Reservation> CAPS_RESERVATIONS =
            new Topic<>("caps.reservations", Serdes.String(), new JsonSerde<>(Reservation.class), Topic.Retention.COMPACTED);

    /** Each price book model's full price history, keyed by its price book key; published by rating's price book. */
    public static final Topic<ModelId, ModelPriceHistory> PRICE_BOOK =
            new Topic<>("price.book", MODEL_KEY, new JsonSerde<>(ModelPriceHistory.class), Topic.Retention.COMPACTED);

    private Topics() {
    }

    /**
     * The customer a raw record of {@code topicName} is about, read from its key where the topic is keyed by
     * customer (even when the value cannot be read); empty for other topics and for keys that are not a valid id.
     */
    public static Optional<CustomerId> customerOfKey(String topicName, byte[] key) {
        if (key == null || all().stream().noneMatch(t -> t.name().equals(topicName) && t.keySerde() == CUSTOMER_KEY)) {
            return Optional.empty();
        }
        try {
            return Optional.of(CustomerId.of(new String(key, StandardCharsets.UTF_8)));
        } catch (InvalidIdException e) {
            return Optional.empty();
        }
    }

    /**
     * A raw value of {@code topicName} as readable text, for people (dead letters) and tests: a binary record of
     * {@code usage.events} or {@code usage.rated} as JSON (an object for one item, an array for a batch); any other
     * value, JSON included, as its UTF-8 text, unchanged. {@code null} for {@code null}; a
     * {@link SerializationException} for a binary record that cannot be read or bytes that are not UTF-8.
     */
    public static String valueAsText(String topicName, byte[] value) {
        if (value == null) {
            return null;
        }
        if (USAGE_EVENTS.name().equals(topicName)) {
            return UsageRecords.USAGE_EVENTS.asJson(topicName, value);
        }
        if (USAGE_RATED.name().equals(topicName)) {
            return UsageRecords.USAGE_RATED.asJson(topicName, value);
        }
        return utf8Text(value);
    }

    /** Well-formed UTF-8 as text; anything else is refused rather than shown with replacement characters. */
    static String utf8Text(byte[] value) {
        int malformed = Utf8.firstMalformedByte(value);
        if (malformed >= 0) {
            throw new SerializationException("the value is not UTF-8 text (byte " + malformed + ")");
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    public static List<Topic<?, ?>> all() {
        return List.of(USAGE_EVENTS, USAGE_RATED, DEAD_LETTERS, CUSTOMER_PLANS, CAPS_DEFINITIONS, CAPS_STATE, CAPS_ALERTS,
                CAPS_RESERVATIONS, PRICE_BOOK, INVOICE_EVENTS);
    }
}
