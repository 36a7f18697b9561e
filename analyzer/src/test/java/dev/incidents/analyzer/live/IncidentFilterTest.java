package dev.incidents.analyzer.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.replay.Replay;
import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recordings;
import dev.incidents.schemas.Incident;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The filters of /incidents and tail, on the demo recording's real incidents. */
class IncidentFilterTest {
    static List<Incident> incidents;

    @BeforeAll
    static void replayTheDemo() {
        incidents = Replay.run(Recordings.read(List.of(Path.of("..", "samples", "gpu-inference-outage.jsonl")),
                new ReadOptions(null, Instant.now()), r -> { }), AnalyzerConfig.defaults()).latest();
    }

    @Test
    void noFilterMatchesEverything() {
        assertThat(incidents).hasSize(7).allMatch(IncidentFilter.ALL::matches);
    }

    @Test
    void categoryAndStatusIgnoreCaseNamespaceAndClusterDoNot() {
        assertThat(select(Map.of("category", "image_pull_disk_full", "status", "resolved")))
                .extracting(i -> i.getWorkload().getName()).containsExactlyInAnyOrder("triton", "vllm-llama3");
        assertThat(select(Map.of("namespace", "genai"))).extracting(Incident::getCategory).containsExactly("INSUFFICIENT_GPU");
        assertThat(select(Map.of("namespace", "GENAI"))).isEmpty();
        assertThat(select(Map.of("cluster", "prod-us-east-1"))).hasSize(7);
        assertThat(select(Map.of("cluster", "other"))).isEmpty();
    }

    @Test
    void aNamespaceFilterExcludesNodeIncidents() {
        assertThat(select(Map.of("namespace", "inference"))).noneMatch(i -> i.getCategory().equals("NODE_DISK_PRESSURE"));
    }

    static List<Incident> select(Map<String, String> query) {
        IncidentFilter filter = IncidentFilter.fromQuery(query);
        return incidents.stream().filter(filter::matches).toList();
    }
}
