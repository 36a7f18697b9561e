package dev.incidents.analyzer.live;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.schemas.TopicSpec;
import dev.incidents.schemas.TopicSpecs;
import dev.incidents.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The DESIGN section 3 topics (and the analyzer's node view) under the names {@code incidents.topic.*} gives them, with their cleanup settings. */
public final class AnalyzerTopics {
    private AnalyzerTopics() {
    }

    public static List<TopicSpec> of(AnalyzerConfig config, int partitions) {
        Map<String, String> names = Map.of(
                Topics.EVENTS, config.eventsTopic(),
                Topics.PODS, config.podsTopic(),
                Topics.NODES, config.nodesTopic(),
                Topics.PODGROUPS, config.podGroupsTopic(),
                Topics.INCIDENTS, config.incidentsTopic(),
                Topics.INCIDENTS_JSON, config.incidentsJsonTopic(),
                Topics.INCIDENTS_DLQ, config.dlqTopic());
        List<TopicSpec> topics = new ArrayList<>(TopicSpecs.defaults(partitions).stream()
                .map(t -> t.named(names.getOrDefault(t.name(), t.name())))
                .toList());
        // the analyzer's own copy of the nodes, read back as the global "nodes" store: compacted like its source
        topics.add(TopicSpec.compacted(config.nodesViewTopic(), partitions));
        // which pod holds which accelerators on which node, read back as the global "gpu-placements" store
        topics.add(TopicSpec.compacted(config.placementsViewTopic(), partitions));
        return List.copyOf(topics);
    }
}
