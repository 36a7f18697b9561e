package dev.incidents.kafka;

import java.time.Duration;
import java.util.Map;

/** A topic to create on the local broker: replication factor 1, since there is one broker. */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition, " + name + " has " + partitions);
        }
        configs = Map.copyOf(configs);
    }

    /** A compacted topic: the latest value per key is the state (snapshots, incidents). */
    public static TopicSpec compacted(String name, int partitions) {
        return new TopicSpec(name, partitions, Map.of("cleanup.policy", "compact"));
    }

    /** A topic whose records are deleted after {@code retention}. */
    public static TopicSpec deletedAfter(String name, int partitions, Duration retention) {
        return new TopicSpec(name, partitions,
                Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(retention.toMillis())));
    }
}
