package io.microcent.platform.kafka;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedRocksDbMemoryTest {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void every_store_caches_its_index_and_filters_in_the_shared_budget_with_small_memtables() {
        try (Options options = new Options()) {
            options.setTableFormatConfig(new BlockBasedTableConfig());
            new BoundedRocksDbMemory().setConfig("period-usage", options, Map.of());
            BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
            // an empty memtable holds one arena block (an eighth of its buffer); the all-in-one runs about 90 store
            // instances, and at rest their blocks must stay under the manager's flush trigger (7/8 of its budget)
            long restingBlocks = options.writeBufferSize() / 8 * 96;
            assertThat(restingBlocks).isLessThan(BoundedRocksDbMemory.MEMTABLE_MB * 1024 * 1024 * 7 / 8);
            assertThat(options.maxWriteBufferNumber()).isEqualTo(2);
            assertThat(BoundedRocksDbMemory.MEMTABLE_MB).isLessThan(BoundedRocksDbMemory.TOTAL_MB);
        }
    }

    @Test
    void every_streams_application_of_the_platform_uses_it() {
        Map<String, Object> config = KafkaConfigs.exactlyOnceStreams("localhost:9092", "app", Path.of("/tmp/state"));
        assertThat(config).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    }
}
