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
 *
 * <p>Each store's memtable is {@link #MEMTABLES_PER_BUDGET}th of that quarter (2 MiB by default), not Kafka Streams'
 * 16 MiB. Why: when the memtables of every store together pass the write buffer manager's limit, RocksDB flushes the
 * memtable of the store being <em>written</em>, however small, and nothing of the stores no longer written. At the end
 * of a catch-up the input stage's stores ({@code pod-owners}) and the global views hold their memtables while only the
 * correlators' {@code subjects} stores are written: every write-back then flushed a memtable of a few entries (4,256
 * SST files for one task's {@code subjects} in one cold 200k-record catch-up; in the bench's second catch-up in the same
 * JVM, 11,646 in three minutes, its stream thread in {@code RocksDB.put} for most of them). With 2 MiB each, the 11
 * stores of 3 partitions hold 22 MiB at most, under the 28 MiB (seven eighths of the quarter) that starts it.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    public static final String MEMORY_CONFIG = "incidents.rocksdb.memory.bytes";
    public static final long DEFAULT_MEMORY = 128L * 1024 * 1024;
    private static final double INDEX_FILTER_RATIO = 0.1;
    /** Memtables of one store that fill the memtables' quarter of the budget (see the class comment). */
    static final int MEMTABLES_PER_BUDGET = 16;

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
        options.setWriteBufferSize(memtableSize(budget));
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store of the JVM: never closed per store.
    }

    /** One store's memtable under a budget of {@code budget} bytes. */
    static long memtableSize(long budget) {
        return Math.max(64 * 1024, budget / 4 / MEMTABLES_PER_BUDGET);
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
