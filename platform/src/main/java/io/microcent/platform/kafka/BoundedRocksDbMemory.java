package io.microcent.platform.kafka;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;

/**
 * One memory budget for every RocksDB store of the process, as the Kafka Streams memory-management guide
 * describes: by default each store instance (one per store and partition, several applications in the
 * all-in-one) takes its own 50 MB block cache and up to three 16 MB memtables, off the heap, so the
 * process's size grows with the partition count rather than with the data. Here all of them share one LRU
 * cache of {@value #TOTAL_MB} MB that also holds their index and filter blocks and, charged to it through a
 * write buffer manager, their memtables (at most {@value #MEMTABLE_MB} MB of it).
 *
 * <p>The cache and the manager are shared by every store of the JVM, so they are never closed per store.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    static final long TOTAL_MB = 128;
    static final long MEMTABLE_MB = 48;
    static final long WRITE_BUFFER_MB = 2;
    /** Of the cache, the part kept for index and filter blocks (high priority), so data blocks cannot evict them. */
    private static final double INDEX_FILTER_RATIO = 0.1;
    private static final long MB = 1024 * 1024;

    private static final Cache CACHE = new LRUCache(TOTAL_MB * MB, -1, false, INDEX_FILTER_RATIO);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_MB * MB, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setMaxWriteBufferNumber(2);
        // Small memtables: the manager flushes whichever store is written once all memtables together pass its
        // budget, and an empty memtable already holds one arena block (an eighth of the write buffer). With 8 MB
        // buffers the all-in-one's ~90 store instances held ~90 MB of blocks at rest, so every write flushed a
        // near-empty memtable and caps fell minutes behind on 20,000 reservations; 2 MB buffers hold ~23 MB.
        options.setWriteBufferSize(WRITE_BUFFER_MB * MB);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store: closing them here would break the others
    }
}
