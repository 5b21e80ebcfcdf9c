package io.microcent.caps.authorize;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.internals.StateStoreProvider;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * Queries a key-value store for the bytes it keeps, before its serde decodes them: the typed store a query
 * normally gets is the outer layer of a stack (metering and serdes, over caching, change logging and RocksDB),
 * and this one reads the layer under the serdes. The stores are found as for a typed query (same task, same
 * partition, same checks that the store is open and its task runs here); only the decoding is left out.
 */
final class BytesStoreType implements QueryableStoreType<BytesStoreType.View> {

    static final BytesStoreType INSTANCE = new BytesStoreType();

    /** One store (of one partition, or a global one) as bytes. */
    @FunctionalInterface
    interface View {
        /** @return {@code null} when the store keeps nothing under {@code key} */
        byte[] get(Bytes key);
    }

    private BytesStoreType() {
    }

    @Override
    public boolean accepts(StateStore store) {
        return bytesUnder(store) != null;
    }

    @Override
    public View create(StateStoreProvider provider, String storeName) {
        return key -> {
            // as Kafka Streams' own composite store: the stores are looked up per read (a task may have moved)
            for (Object store : provider.stores(storeName, this)) {
                byte[] value = bytesUnder((StateStore) store).get(key);
                if (value != null) {
                    return value;
                }
            }
            return null;
        };
    }

    /**
     * The bytes layer right under a typed key-value store's serdes.
     *
     * @throws InvalidStateStoreException when {@code store} is not such a store
     */
    static KeyValueStore<Bytes, byte[]> bytesOf(StateStore store) {
        KeyValueStore<Bytes, byte[]> bytes = bytesUnder(store);
        if (bytes == null) {
            throw new InvalidStateStoreException("store " + store.name() + " is not a key-value store of bytes under its serdes");
        }
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static KeyValueStore<Bytes, byte[]> bytesUnder(StateStore store) {
        // a timestamped or versioned store keeps more than the value's bytes: not what a value serde reads
        return store instanceof WrappedStateStore<?, ?, ?> typed && typed instanceof KeyValueStore<?, ?>
                && !WrappedStateStore.isTimestamped(store) && !WrappedStateStore.isVersioned(store)
                && typed.wrapped() instanceof KeyValueStore<?, ?> inner
                ? (KeyValueStore<Bytes, byte[]>) inner : null;
    }
}
