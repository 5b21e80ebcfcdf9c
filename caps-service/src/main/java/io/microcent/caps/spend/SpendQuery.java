package io.microcent.caps.spend;

import io.microcent.model.caps.SpendState;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.Optional;
import java.util.function.Function;

/**
 * Reads spend from this instance's {@link SpendTopology#SPEND_STORE}. With several instances, a
 * customer's spend lives on the instance owning its partition (see the module README).
 */
public final class SpendQuery {

    private final Function<CustomerId, ReadOnlyKeyValueStore<String, SpendState>> store;

    /**
     * @param store the store of a customer's partition, fetched per query: a Kafka Streams store handle is only valid while the
     *              application runs, and fetching throws {@link org.apache.kafka.streams.errors.InvalidStateStoreException}
     *              while it is rebalancing or restoring
     */
    public SpendQuery(Function<CustomerId, ReadOnlyKeyValueStore<String, SpendState>> store) {
        this.store = store;
    }

    /** The spend counted so far, or empty when nothing was rated for the customer in that period. */
    public Optional<SpendState> spendOf(CustomerId customer, BillingPeriod period) {
        return Optional.ofNullable(store.apply(customer).get(SpendState.keyOf(customer, period)));
    }
}
