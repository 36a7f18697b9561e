package dev.incidents.recordings;

import java.time.Instant;
import java.util.Objects;

/**
 * @param cluster       the cluster name stamped on every record; null means the recording header's, else
 *                      {@link #DEFAULT_CLUSTER}
 * @param now           the anchor of relative ages in describe text ({@code 3m9s} ago) and the time of describe snapshots
 * @param reorderWindow how many records of a file are held to put them in event-time order (see {@link RecordStream});
 *                      a file with fewer records is sorted exactly
 */
public record ReadOptions(String cluster, Instant now, int reorderWindow) {
    public static final String DEFAULT_CLUSTER = "default";
    /**
     * Records held per file by default: a file of up to this many records comes out exactly as a sort of the whole
     * file would order it, and a longer one holds no more (about 25 MB of records). Recordings are nearly in order
     * already (an event carries its own time, seconds off its line's): the 207k-record scale-up of the demo sample
     * needs a window of 51. Not larger: held records outlive young collections, and at 32k G1 grew the heap of a
     * parse-only pass of 207k records to 5.8 GB and spent 7x the GC time it spends at 4-8k.
     */
    public static final int DEFAULT_REORDER_WINDOW = 10_000;

    public ReadOptions {
        Objects.requireNonNull(now, "now");
        if (reorderWindow < 1) {
            throw new IllegalArgumentException("reorderWindow must be at least 1: " + reorderWindow);
        }
    }

    public ReadOptions(String cluster, Instant now) {
        this(cluster, now, DEFAULT_REORDER_WINDOW);
    }

    public ReadOptions withReorderWindow(int records) {
        return new ReadOptions(cluster, now, records);
    }

    String clusterOr(String fromHeader) {
        if (cluster != null) {
            return cluster;
        }
        return fromHeader != null ? fromHeader : DEFAULT_CLUSTER;
    }
}
