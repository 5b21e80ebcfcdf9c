package io.microcent.model.topic;

import io.microcent.model.caps.SpendState;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;

/**
 * Every Kafka topic of Microcent. Usage topics are keyed by customer, so one customer's events stay in
 * order on one partition and every per-customer state (allowance, spend) lives in one task.
 */
public final class Topics {

    public static final Serde<CustomerId> CUSTOMER_KEY = IdSerde.of(CustomerId::raw, CustomerId::of);

    /** Accepted usage facts, as ingested. The log re-rating replays. */
    public static final Topic<CustomerId, UsageEvent> USAGE_EVENTS =
            new Topic<>("usage.events", CUSTOMER_KEY, new JsonSerde<>(UsageEvent.class), Topic.Retention.LOG);

    /** Usage facts with their provider cost and customer charge. */
    public static final Topic<CustomerId, RatedUsage> USAGE_RATED =
            new Topic<>("usage.rated", CUSTOMER_KEY, new JsonSerde<>(RatedUsage.class), Topic.Retention.LOG);

    /** Usage that could not be rated, with the reason in the record headers; never silently dropped. */
    public static final Topic<CustomerId, UsageEvent> USAGE_DEAD_LETTER =
            new Topic<>("usage.dead-letter", CUSTOMER_KEY, new JsonSerde<>(UsageEvent.class), Topic.Retention.LOG);

    /** Each customer's current plan, published by invoicing. */
    public static final Topic<CustomerId, CustomerPlan> CUSTOMER_PLANS =
            new Topic<>("customer.plans", CUSTOMER_KEY, new JsonSerde<>(CustomerPlan.class), Topic.Retention.COMPACTED);

    /** Spend per scope and period and whether it is allowed or blocked; the latest per key. */
    public static final Topic<String, SpendState> CAPS_STATE =
            new Topic<>("caps.state", Serdes.String(), new JsonSerde<>(SpendState.class), Topic.Retention.COMPACTED);

    /** Each cap threshold crossed, once per cap, threshold and period; read by alert delivery. */
    public static final Topic<CustomerId, CapAlert> CAPS_ALERTS =
            new Topic<>("caps.alerts", CUSTOMER_KEY, new JsonSerde<>(CapAlert.class), Topic.Retention.LOG);

    private Topics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(USAGE_EVENTS, USAGE_RATED, USAGE_DEAD_LETTER, CUSTOMER_PLANS, CAPS_STATE, CAPS_ALERTS);
    }
}
