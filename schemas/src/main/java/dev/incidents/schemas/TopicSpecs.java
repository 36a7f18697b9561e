package dev.incidents.schemas;

import java.time.Duration;
import java.util.List;

/**
 * The DESIGN.md section 3 topics with their cleanup settings, under their default names: what {@code kafka start}
 * creates, and what {@code analyze} and {@code demo} create under the names they are configured with.
 */
public final class TopicSpecs {
    private TopicSpecs() {
    }

    public static List<TopicSpec> defaults(int partitions) {
        return List.of(
                TopicSpec.deletedAfter(Topics.EVENTS, partitions, Duration.ofDays(7)),
                TopicSpec.compacted(Topics.PODS, partitions),
                TopicSpec.compacted(Topics.NODES, partitions),
                TopicSpec.compacted(Topics.INCIDENTS, partitions),
                TopicSpec.compacted(Topics.INCIDENTS_JSON, partitions),
                TopicSpec.deletedAfter(Topics.INCIDENTS_DLQ, partitions, Duration.ofDays(14)));
    }
}
