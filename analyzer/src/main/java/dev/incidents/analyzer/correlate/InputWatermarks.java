package dev.incidents.analyzer.correlate;

import dev.incidents.analyzer.signal.SignalFrames;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * How far each input partition has got, as its watermarks said, and the correlator's clock: the slowest of them.
 * Kept in a changelogged store, so the clock of a task survives restarts and rebalances (it never goes back).
 *
 * <p>A partition that has said nothing yet holds the clock back (it may still be catching up); one that said it has
 * never had a record ({@link SignalFrames#NO_DATA}) does not, until its first real watermark.
 */
final class InputWatermarks {

    private static final String CLOCK = "clock";
    private static final String PARTITION = "p";

    private final KeyValueStore<String, Long> store;
    private final long[] marks;
    private int partitions;
    private long clock;

    InputWatermarks(KeyValueStore<String, Long> store, int configuredPartitions) {
        this.store = store;
        int known = Math.max(1, configuredPartitions);
        long restoredClock = Long.MIN_VALUE;
        long[] restored = new long[1024];
        java.util.Arrays.fill(restored, NOT_HEARD);
        try (KeyValueIterator<String, Long> it = store.all()) {
            while (it.hasNext()) {
                var e = it.next();
                if (CLOCK.equals(e.key)) {
                    restoredClock = e.value;
                } else if (e.key.startsWith(PARTITION)) {
                    int p = Integer.parseInt(e.key.substring(PARTITION.length()));
                    if (p < restored.length) {
                        restored[p] = e.value;
                        known = Math.max(known, p + 1);
                    }
                }
            }
        }
        this.marks = restored;
        this.partitions = known;
        this.clock = restoredClock;
    }

    /** The event time up to which every input partition has delivered its records (Long.MIN_VALUE: not yet known). */
    long clock() {
        return clock;
    }

    /** Records a partition's watermark; returns the clock, which moves when the slowest partition moved. */
    long advance(int partition, long mark) {
        if (partition < 0 || partition >= marks.length) {
            return clock;
        }
        // Partitions added to the input topics show up here first: wait for them too from now on.
        partitions = Math.max(partitions, partition + 1);
        long before = marks[partition];
        long next = mark == SignalFrames.NO_DATA ? (before == NOT_HEARD ? mark : before)
                : before == SignalFrames.NO_DATA || before == NOT_HEARD ? mark : Math.max(before, mark);
        if (next != before) {
            marks[partition] = next;
            store.put(PARTITION + partition, next);
        }
        long slowest = Long.MAX_VALUE;
        boolean any = false;
        for (int p = 0; p < partitions; p++) {
            if (marks[p] == NOT_HEARD) {
                return clock;
            }
            if (marks[p] != SignalFrames.NO_DATA) {
                slowest = Math.min(slowest, marks[p]);
                any = true;
            }
        }
        if (any && slowest > clock) {
            clock = slowest;
            store.put(CLOCK, clock);
        }
        return clock;
    }

    private static final long NOT_HEARD = Long.MIN_VALUE + 1;
}
