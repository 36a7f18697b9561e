package dev.incidents.analyzer.live;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of every RocksDB store of the analyzer together: one LRU block cache shared by all
 * stores of the JVM, memtables charged to it through a write buffer manager, index and filter blocks inside it.
 * Left alone, each store of each task takes its own block cache and up to three 16 MiB memtables, so the footprint
 * grows with partitions × stores and a pod's memory limit gets hit after a rebalance hands it more tasks.
 * The budget is {@value #MEMORY_CONFIG} (bytes, default {@value #DEFAULT_MEMORY}), a quarter of it for memtables.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    public static final String MEMORY_CONFIG = "incidents.rocksdb.memory.bytes";
    public static final long DEFAULT_MEMORY = 128L * 1024 * 1024;
    private static final double INDEX_FILTER_RATIO = 0.1;

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;
    private static long budget;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        shared(configs);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBufferManager);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store of the JVM: never closed per store.
    }

    /** The budget in force (0 before the first store opened). */
    public static synchronized long budget() {
        return budget;
    }

    private static synchronized void shared(Map<String, Object> configs) {
        if (cache != null) {
            return;
        }
        Object configured = configs.get(MEMORY_CONFIG);
        budget = configured == null ? DEFAULT_MEMORY : Long.parseLong(configured.toString().trim());
        cache = new LRUCache(budget, -1, false, INDEX_FILTER_RATIO);
        writeBufferManager = new WriteBufferManager(budget / 4, cache);
    }
}
