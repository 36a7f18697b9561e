package dev.incidents.schemas;

import java.time.Duration;
import java.util.List;

/**
 * The DESIGN.md section 3 topics with their cleanup settings, under their default names: what {@code kafka start}
 * creates, and what {@code analyze} and {@code demo} create under the names they are configured with.
 *
 * <p>The input topics and the DLQ keep records by their arrival time ({@code LogAppendTime}). The broker deletes a
 * segment once its newest record timestamp is older than {@code retention.ms}; with producer timestamps
 * ({@code CreateTime}) a recording from last year, shipped with {@code ship --from}, was deleted at the next retention
 * check, before the analyzer read it. The analyzer writes a dead letter with the record's timestamp in the topology,
 * its event time, so an old record dead-lettered would go the same way. On the compacted inputs it keeps one meaning
 * of the record timestamp for every input topic. The event time is not lost: it is in the payload, and in the
 * {@link EventTimeHeader}, which tombstones carry too.
 */
public final class TopicSpecs {
    private TopicSpecs() {
    }

    public static List<TopicSpec> defaults(int partitions) {
        return List.of(
                TopicSpec.deletedAfter(Topics.EVENTS, partitions, Duration.ofDays(7)).withAppendTime(),
                TopicSpec.compacted(Topics.PODS, partitions).withAppendTime(),
                TopicSpec.compacted(Topics.NODES, partitions).withAppendTime(),
                TopicSpec.compacted(Topics.PODGROUPS, partitions).withAppendTime(),
                TopicSpec.compacted(Topics.INCIDENTS, partitions),
                TopicSpec.compacted(Topics.INCIDENTS_JSON, partitions),
                TopicSpec.deletedAfter(Topics.INCIDENTS_DLQ, partitions, Duration.ofDays(14)).withAppendTime());
    }
}
