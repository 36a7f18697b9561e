package dev.incidents.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * Pins the names in {@code Topology#describe()}: a renamed processor, store or internal topic would orphan state
 * and changelogs of a running application, so a rename must be a deliberate change of this test.
 */
class TopologyDescriptionTest {

    @Test
    void every_node_store_and_internal_topic_has_its_pinned_name() {
        TopologyDescription description = IncidentTopology.build(new StreamsBuilder(), AnalyzerConfig.defaults()).describe();
        String text = description.toString();
        List<String> nodes = new ArrayList<>();
        Matcher m = Pattern.compile("(?:Source|Processor|Sink): (\\S+)").matcher(text);
        while (m.find()) {
            nodes.add(m.group(1));
        }
        assertThat(nodes).as(text).containsExactlyInAnyOrder(
                "events", "events-check", "events-to-signals",
                "pods", "pods-check", "pods-to-signals",
                "signals", "input-progress", "signals-by-subject-repartition-filter", "signals-by-subject-repartition-sink",
                "signals-by-subject-repartition-source", "correlate",
                "incidents-avro", "incidents-to-json", "incidents-json",
                "nodes", "nodes-check", "nodes-to-signals", "node-signals", "nodes-to-view",
                "nodes-view-source", "nodes-view",
                "gpu-pods", "pods-to-placements", "placements-to-view", "placements-view-source", "placements-view",
                "podgroups", "podgroups-check", "podgroups-to-signals", "podgroup-signals");
        assertThat(text).contains("stores: [subjects, incidents, reorder-buffer, input-watermarks]")
                .contains("topics: [signals-by-subject-repartition]")
                .contains("--> none")
                .contains("stores: [nodes]")
                .contains("stores: [gpu-placements]")
                .contains("topic: k8s.pods.gpu-placements")
                .contains("stores: [pod-owners]")
                .contains("Processor: input-progress (stores: [held-pod-events, pod-owners])")
                .contains("topic: k8s.nodes.view")
                .contains("topics: [k8s.podgroups]")
                // the DLQ is written by the exception handlers (original bytes), not by a sink with a serde
                .doesNotContain("k8s.incidents.dlq");
    }
}
