package io.microcent.caps.authorize;

import io.microcent.model.id.CustomerId;
import org.apache.kafka.common.utils.Bytes;

/**
 * The caps topology's stores as they keep their values, in bytes: what {@link CapsReads} decodes only when they
 * changed. A customer's store is the one of the customer's partition, and only while this instance runs that
 * partition's task; reading it otherwise throws {@link org.apache.kafka.streams.errors.InvalidStateStoreException}
 * (rebalancing, restoring, or the task not running here yet: see {@link CapsStores}).
 */
public interface StoreBytes {

    /** What store {@code store} of the customer's partition keeps under {@code key}; {@code null} when nothing. */
    byte[] ofCustomer(String store, CustomerId customer, Bytes key);

    /** What the global store {@code store} keeps under {@code key}; {@code null} when nothing. */
    byte[] ofGlobal(String store, Bytes key);
}
