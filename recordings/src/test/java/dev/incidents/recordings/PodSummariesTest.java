package dev.incidents.recordings;

import dev.incidents.schemas.PodSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A tool's summary of pods saved as JSON (flattened: name and phase at the top) is those pods. */
class PodSummariesTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2026-09-08T06:00:00Z"));

    private static List<PodSnapshot> pods(String text) {
        return Fixtures.pastedPods(text, OPTIONS.now());
    }

    /** dsa04156/edge-ai-workspace: a verification script's status file, the third GPU-sharing pod Pending. */
    @Test
    void aScriptsStatusFileListsItsPods() {
        List<PodSnapshot> pods = pods("""
                {
                  "observedAt": "2026-09-08T05:05:34.695642+00:00",
                  "pods": [
                    {"name": "cuda-share-b", "uid": "abde698e", "node": "jetson-1", "phase": "Running",
                     "containers": [{"name": "probe", "ready": true, "restartCount": 0,
                                     "state": {"running": {"startedAt": "2026-09-08T05:04:55Z"}}}]},
                    {"name": "cuda-share-c", "uid": "7d89fb39", "node": null, "phase": "Pending",
                     "conditions": [{"type": "PodScheduled", "status": "False", "reason": "Unschedulable",
                                     "lastTransitionTime": "2026-09-08T05:04:32Z",
                                     "message": "0/7 nodes are available: 1 Insufficient nvidia.com/gpu.shared, 6 node(s) didn't match Pod's node affinity/selector."}],
                     "containers": null}
                  ]
                }
                """);
        assertThat(pods).extracting(PodSnapshot::getName).containsExactly("cuda-share-b", "cuda-share-c");
        assertThat(pods.get(0).getNodeName()).isEqualTo("jetson-1");
        assertThat(pods.get(0).getContainers()).singleElement().satisfies(c -> assertThat(c.getReady()).isTrue());
        PodSnapshot pending = pods.get(1);
        assertThat(pending.getNamespace()).isEqualTo("default");
        assertThat(pending.getPhase()).isEqualTo("Pending");
        assertThat(pending.getConditions()).singleElement()
                .satisfies(c -> assertThat(c.getMessage()).contains("1 Insufficient nvidia.com/gpu.shared"));
    }

    /** jq's projection of {@code get pods -o json}, one summary per line. */
    @Test
    void jqProjectedSummaries() {
        List<PodSnapshot> pods = pods("""
                {"name": "trainer-0", "namespace": "ml", "phase": "Failed", "reason": "Evicted", "message": "The node was low on resource: memory."}
                """);
        assertThat(pods).singleElement().satisfies(p -> {
            assertThat(p.getNamespace()).isEqualTo("ml");
            assertThat(p.getReason()).isEqualTo("Evicted");
        });
    }

    @Test
    void listsOfOtherThingsAreNot() {
        List<Rejection> rejections = new ArrayList<>();
        List<Recorded> records = Recordings.read("status.json", "{\"nodes\": [{\"name\": \"n1\", \"ready\": true}]}\n",
                OPTIONS, rejections::add);
        assertThat(records).isEmpty();
        assertThat(rejections).singleElement().satisfies(r -> assertThat(r.reason()).contains("without kind"));
    }
}
