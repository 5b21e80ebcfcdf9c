package io.microcent.caps.authorize;

import io.microcent.caps.spend.PeriodMeters;
import io.microcent.caps.spend.ScopeSpend;
import io.microcent.model.caps.CustomerCaps;
import io.microcent.model.id.CustomerId;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The caps topology's stores as decisions read them, each for one customer: the stores of the customer's
 * partition, and only while this instance runs that partition's task. Fetched per use, because a Kafka Streams
 * store handle is only valid while the application runs; fetching throws
 * {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while it rebalances or restores, and also
 * while the partition's task is not (yet) running here. That last case matters when an instance takes over a
 * dead one's customers: the group already names it the owner while the task is still being assigned, and a
 * store of all its running tasks would answer "no caps, no spend" for those customers, a wrong "allowed".
 */
public interface CapsStores {

    ReadOnlyKeyValueStore<CustomerId, CustomerCaps> definitions(CustomerId customer);

    ReadOnlyKeyValueStore<String, ScopeSpend> spend(CustomerId customer);

    ReadOnlyKeyValueStore<String, PeriodMeters> meters(CustomerId customer);
}
