package dev.incidents.schemas;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.record.TimestampType;

/**
 * A topic as the project creates it when it does not exist yet: its name, partitions and topic configs. The
 * replication factor is the creator's ({@code 1} on the local broker, {@code analyze --replication-factor}).
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition, " + name + " has " + partitions);
        }
        configs = Map.copyOf(configs);
    }

    /** A compacted topic: the latest value per key is the state (snapshots, incidents). */
    public static TopicSpec compacted(String name, int partitions) {
        return new TopicSpec(name, partitions, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** A topic whose records are deleted after {@code retention}. */
    public static TopicSpec deletedAfter(String name, int partitions, Duration retention) {
        return new TopicSpec(name, partitions, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis())));
    }

    /**
     * The same topic with records stamped by the broker when they arrive ({@code message.timestamp.type=LogAppendTime}):
     * retention then counts from arrival, whatever timestamp the producer set.
     */
    public TopicSpec withAppendTime() {
        return with(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, TimestampType.LOG_APPEND_TIME.name);
    }

    /** The same topic under another name (the {@code incidents.topic.*} settings rename them). */
    public TopicSpec named(String otherName) {
        return new TopicSpec(otherName, partitions, configs);
    }

    /** The same topic with {@code key=value} added to its configs. */
    public TopicSpec with(String key, String value) {
        Map<String, String> more = new HashMap<>(configs);
        more.put(key, value);
        return new TopicSpec(name, partitions, more);
    }
}
