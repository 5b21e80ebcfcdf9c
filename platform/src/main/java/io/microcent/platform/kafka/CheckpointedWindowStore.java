package io.microcent.platform.kafka;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.time.Duration;
import java.util.Map;

/**
 * A persistent (RocksDB) window store whose changelog offset Kafka Streams keeps in the task's
 * {@code .checkpoint} file rather than inside the store.
 *
 * <p>Why: Kafka Streams 4.3's RocksDB window store keeps its committed changelog offset inside its segments,
 * and a store without a segment (a partition that has had no record within the retention) has nowhere to keep
 * it. On the next start, under exactly-once, Streams then finds a non-empty task directory and a store without
 * an offset, takes the whole task for corrupted ({@code TaskCorruptedException}), wipes it and restores every
 * one of its stores from the changelogs: after every stop, however clean. A store that says it does not manage
 * its offsets gets them kept by Streams in the checkpoint file, which is written on a clean close whatever the
 * store holds.
 */
public final class CheckpointedWindowStore implements WindowStore<Bytes, byte[]> {

    private final WindowStore<Bytes, byte[]> inner;

    private CheckpointedWindowStore(WindowStore<Bytes, byte[]> inner) {
        this.inner = inner;
    }

    /** {@link Stores#persistentWindowStore}, with the offsets in the checkpoint file. */
    public static WindowBytesStoreSupplier persistent(String name, Duration retention, Duration windowSize, boolean retainDuplicates) {
        WindowBytesStoreSupplier rocksDb = Stores.persistentWindowStore(name, retention, windowSize, retainDuplicates);
        return new WindowBytesStoreSupplier() {
            @Override
            public String name() {
                return rocksDb.name();
            }

            @Override
            public WindowStore<Bytes, byte[]> get() {
                return new CheckpointedWindowStore(rocksDb.get());
            }

            @Override
            public String metricsScope() {
                return rocksDb.metricsScope();
            }

            @Override
            public long segmentIntervalMs() {
                return rocksDb.segmentIntervalMs();
            }

            @Override
            public long windowSize() {
                return rocksDb.windowSize();
            }

            @Override
            public boolean retainDuplicates() {
                return rocksDb.retainDuplicates();
            }

            @Override
            public long retentionPeriod() {
                return rocksDb.retentionPeriod();
            }
        };
    }

    /** The point of this class: Streams keeps this store's offsets in the checkpoint file. */
    @Override
    public boolean managesOffsets() {
        return false;
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return null;
    }

    /** Still handed down: it is also what flushes RocksDB's memory to disk (its write-ahead log is off). */
    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        inner.commit(changelogOffsets);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        inner.init(context, root);
    }

    @Override
    @SuppressWarnings("deprecation")
    public void flush() {
        inner.flush();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return inner.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }

    @Override
    public void put(Bytes key, byte[] value, long windowStartTimestamp) {
        inner.put(key, value, windowStartTimestamp);
    }

    @Override
    public byte[] fetch(Bytes key, long time) {
        return inner.fetch(key, time);
    }

    @Override
    public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFrom, long timeTo) {
        return inner.fetch(key, timeFrom, timeTo);
    }

    @Override
    public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFrom, long timeTo) {
        return inner.backwardFetch(key, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo) {
        return inner.fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo) {
        return inner.backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFrom, long timeTo) {
        return inner.fetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(long timeFrom, long timeTo) {
        return inner.backwardFetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
        return inner.all();
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
        return inner.backwardAll();
    }
}
