package io.microcent.rating.stream;

import io.microcent.model.id.CustomerId;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.model.usage.BillingPeriod;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.HashMap;
import java.util.Map;

/**
 * The period totals a batch of events is rated against: each customer's totals in the
 * {@link RatingTopology#PERIOD_USAGE_STORE} store, with what the batch's events counted so far on top, so
 * the second event of a customer in a batch sees the first. Nothing is stored until {@link #write()}, so a
 * batch that fails part way leaves the store as it was.
 */
final class BatchTotals {

    private final KeyValueStore<String, MeterTotals> store;
    private final Map<String, MeterTotals> counted = new HashMap<>();

    BatchTotals(KeyValueStore<String, MeterTotals> store) {
        this.store = store;
    }

    /** The customer's totals of the period before the next event; {@code null} for a period without usage. */
    MeterTotals before(CustomerId customer, BillingPeriod period) {
        String key = RatingTopology.periodKey(customer, period);
        MeterTotals inBatch = counted.get(key);
        return inBatch != null ? inBatch : store.get(key);
    }

    void count(CustomerId customer, BillingPeriod period, MeterTotals totals) {
        counted.put(RatingTopology.periodKey(customer, period), totals);
    }

    /** Stores every total the batch changed; called once nothing can fail any more. */
    void write() {
        counted.forEach(store::put);
    }
}
