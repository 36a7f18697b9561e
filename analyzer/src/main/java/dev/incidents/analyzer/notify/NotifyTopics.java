package dev.incidents.analyzer.notify;

import dev.incidents.schemas.TopicSpec;
import java.time.Duration;
import java.util.List;

/**
 * The notifier's own topics: its dead letters, and the delivery log with the Slack thread ids. Both are additions to
 * DESIGN §3, created by {@code notify} when missing.
 */
public final class NotifyTopics {
    public static final String DEAD_LETTERS = "k8s.incidents.notify-dlq";
    public static final String DELIVERY_LOG = "k8s.incidents.notify-threads";

    private NotifyTopics() {
    }

    public static List<TopicSpec> of(String deadLetters, String deliveryLog, int partitions) {
        return List.of(
                // arrival time, like the analyzer's DLQ: a dead letter of a year-old transition is kept 14 days too
                TopicSpec.deletedAfter(deadLetters, partitions, Duration.ofDays(14)).withAppendTime(),
                TopicSpec.compacted(deliveryLog, partitions));
    }
}
