package io.microcent.caps.authorize;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The values of one store, decoded once per change instead of once per read: each decoded value is remembered
 * with the bytes it was decoded from, and a read that finds the store keeping the same bytes answers the value
 * remembered. So a read costs a store lookup and a comparison of a few hundred bytes, and decoding (JSON) is paid
 * once per change of the value, whatever changed it (the topology counting usage, a cap changed, a restore).
 * Thread-safe; two readers racing on a change may both decode, and either result is the value of those bytes.
 */
final class DecodedOnChange<K, V> {

    /** A value and the bytes it was decoded from (a copy: the store's array is not ours to keep). */
    private record Decoded<V>(byte[] bytes, V value) {
    }

    private final String store;
    private final Serializer<K> keys;
    private final Deserializer<V> values;
    private final Cache<K, Decoded<V>> decoded;

    /** @param keys and {@code values}: the serdes the store was built with */
    DecodedOnChange(String store, Serializer<K> keys, Deserializer<V> values, long maxRemembered) {
        this.store = store;
        this.keys = keys;
        this.values = values;
        this.decoded = Caffeine.newBuilder().maximumSize(maxRemembered).build();
    }

    /**
     * The value kept under {@code key}, {@code null} when none.
     *
     * @param read what the store keeps under the key's bytes, {@code null} for nothing
     */
    V get(K key, Function<Bytes, byte[]> read) {
        byte[] bytes = read.apply(Bytes.wrap(keys.serialize(store, key)));
        if (bytes == null) {
            decoded.invalidate(key);
            return null;
        }
        Decoded<V> known = decoded.getIfPresent(key);
        if (known != null && Arrays.equals(known.bytes(), bytes)) {
            return known.value();
        }
        V value = values.deserialize(store, bytes);
        decoded.put(key, new Decoded<>(bytes.clone(), value));
        return value;
    }
}
