package io.microcent.rating.stream;

import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.CustomerPlan;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each customer's current plan from {@code customer.plans} in {@link RatingTopology#CUSTOMER_PLANS_STORE},
 * in the same task as that customer's usage (both topics are keyed and partitioned by customer).
 * A tombstone removes the customer.
 */
final class CustomerPlanRecorder implements Processor<CustomerId, CustomerPlan, Void, Void> {

    private KeyValueStore<CustomerId, CustomerPlan> plans;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        plans = context.getStateStore(RatingTopology.CUSTOMER_PLANS_STORE);
    }

    @Override
    public void process(Record<CustomerId, CustomerPlan> record) {
        if (record.key() == null) {
            return; // a plan without a customer cannot be looked up by anyone
        }
        if (record.value() == null) {
            plans.delete(record.key());
        } else {
            plans.put(record.key(), record.value());
        }
    }
}
