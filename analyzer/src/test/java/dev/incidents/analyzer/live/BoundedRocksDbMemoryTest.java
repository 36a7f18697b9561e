package dev.incidents.analyzer.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * RocksDB's write buffer manager, once the memtables of every store together pass seven eighths of its size, flushes
 * the memtable of whichever store is written, however small: a store's memtable must be small enough that the stores
 * of a usual instance cannot get there together (see {@link BoundedRocksDbMemory}).
 */
class BoundedRocksDbMemoryTest {

    /** RocksDB's {@code WriteBufferManager::ShouldFlush}: mutable memtables above seven eighths of its size. */
    private static long flushingAbove(long budget) {
        return budget / 4 * 7 / 8;
    }

    @Test
    void the_persistent_stores_of_three_partitions_cannot_fill_the_memtables_budget_together() {
        // per partition: pod-owners (input task), subjects and incidents (correlator task); the two global views
        int stores = 3 * 3 + 2;
        for (long budget : new long[] {BoundedRocksDbMemory.DEFAULT_MEMORY, 64L << 20, 1L << 30}) {
            assertThat(stores * BoundedRocksDbMemory.memtableSize(budget)).as("budget %d", budget)
                    .isLessThan(flushingAbove(budget));
        }
    }
}
