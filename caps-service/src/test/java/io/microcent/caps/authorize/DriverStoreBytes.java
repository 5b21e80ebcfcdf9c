package io.microcent.caps.authorize;

import io.microcent.caps.spend.CapsTopologyDriver;
import io.microcent.model.id.CustomerId;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;

/** The topology test driver's stores as bytes, read the way the running service reads them (one partition: every customer's). */
final class DriverStoreBytes implements StoreBytes {

    private final CapsTopologyDriver driver;

    private DriverStoreBytes(CapsTopologyDriver driver) {
        this.driver = driver;
    }

    /** What decisions read of the driver's topology. */
    static CapsReads readsOf(CapsTopologyDriver driver) {
        return new CapsReads(new DriverStoreBytes(driver));
    }

    @Override
    public byte[] ofCustomer(String store, CustomerId customer, Bytes key) {
        return ofGlobal(store, key);
    }

    @Override
    public byte[] ofGlobal(String store, Bytes key) {
        return BytesStoreType.bytesOf((StateStore) driver.store(store)).get(key);
    }
}
