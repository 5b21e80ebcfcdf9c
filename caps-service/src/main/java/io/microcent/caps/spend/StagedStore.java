package io.microcent.caps.spend;

import org.apache.kafka.streams.state.KeyValueStore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A store seen through the values a batch of rated lines changed and has not written yet: reads see the batch's
 * own changes first, and each changed key is written once, with its final value, when the batch is done. Lines
 * of one customer rewrite the same dozen keys; written once per batch, each reaches the cache, RocksDB and the
 * changelog once.
 */
final class StagedStore<K, V> {

    private final KeyValueStore<K, V> store;
    private final Map<K, V> staged = new LinkedHashMap<>();

    StagedStore(KeyValueStore<K, V> store) {
        this.store = store;
    }

    /** The batch's value of {@code key} if it changed it, else the stored one ({@code null} when none). */
    V get(K key) {
        V value = staged.get(key);
        return value != null ? value : store.get(key);
    }

    void stage(K key, V value) {
        staged.put(key, value);
    }

    /** Writes every staged value, once each. */
    void writeAll() {
        staged.forEach(store::put);
        staged.clear();
    }

    /** Forgets what was staged (a batch that failed writes nothing). */
    void discard() {
        staged.clear();
    }
}
