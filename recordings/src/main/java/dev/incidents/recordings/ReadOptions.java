package dev.incidents.recordings;

import java.time.Instant;
import java.util.Objects;

/**
 * @param cluster the cluster name stamped on every record; null means the recording header's, else
 *                {@link #DEFAULT_CLUSTER}
 * @param now     the anchor of relative ages in describe text ({@code 3m9s} ago) and the time of describe snapshots
 */
public record ReadOptions(String cluster, Instant now) {
    public static final String DEFAULT_CLUSTER = "default";

    public ReadOptions {
        Objects.requireNonNull(now, "now");
    }

    String clusterOr(String fromHeader) {
        if (cluster != null) {
            return cluster;
        }
        return fromHeader != null ? fromHeader : DEFAULT_CLUSTER;
    }
}
