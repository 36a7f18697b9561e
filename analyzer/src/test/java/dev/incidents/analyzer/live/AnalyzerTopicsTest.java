package dev.incidents.analyzer.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.schemas.TopicSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AnalyzerTopicsTest {

    @Test
    void analyzeCreatesTheTopicsUnderTheConfiguredNamesWithTheirCleanupPolicy() {
        AnalyzerConfig config = AnalyzerConfig.defaults()
                .with(AnalyzerConfig.EVENTS_TOPIC, "staging.events")
                .with(AnalyzerConfig.INCIDENTS_JSON_TOPIC, "staging.incidents.json");

        Map<String, TopicSpec> topics = AnalyzerTopics.of(config, 6).stream()
                .collect(Collectors.toMap(TopicSpec::name, t -> t));

        assertThat(topics.keySet()).containsExactlyInAnyOrder("staging.events", "k8s.pods", "k8s.nodes", "k8s.podgroups", "k8s.incidents",
                "staging.incidents.json", "k8s.incidents.dlq", "k8s.nodes.view", "k8s.pods.gpu-placements");
        assertThat(topics.get("k8s.nodes.view").configs()).containsEntry("cleanup.policy", "compact");
        assertThat(topics.get("k8s.pods.gpu-placements").configs()).containsEntry("cleanup.policy", "compact");
        assertThat(topics.get("staging.incidents.json").configs()).containsEntry("cleanup.policy", "compact");
        assertThat(topics.get("staging.events").configs()).containsEntry("cleanup.policy", "delete")
                .containsEntry("message.timestamp.type", "LogAppendTime");
        assertThat(List.copyOf(topics.values())).allMatch(t -> t.partitions() == 6);
        assertThat(AnalyzerTopics.of(AnalyzerConfig.defaults().with(AnalyzerConfig.NODES_TOPIC, "demo.k8s.nodes"), 1))
                .extracting(TopicSpec::name).contains("demo.k8s.nodes", "demo.k8s.nodes.view");
    }
}
