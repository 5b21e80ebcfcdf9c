package io.microcent.caps.authorize;

import io.microcent.caps.spend.PeriodMeters;
import io.microcent.caps.spend.ScopeSpend;
import io.microcent.model.caps.CustomerCaps;
import io.microcent.model.id.CustomerId;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The caps topology's stores as decisions read them: fetched per use, because a Kafka Streams store
 * handle is only valid while the application runs, and fetching throws
 * {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while it rebalances or restores.
 */
public interface CapsStores {

    ReadOnlyKeyValueStore<CustomerId, CustomerCaps> definitions();

    ReadOnlyKeyValueStore<String, ScopeSpend> spend();

    ReadOnlyKeyValueStore<String, PeriodMeters> meters();
}
