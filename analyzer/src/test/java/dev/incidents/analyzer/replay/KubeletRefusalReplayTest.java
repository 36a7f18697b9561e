package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.PodSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kubelet refusing a pod already bound to its node for room the scheduler thought it had ({@code OutOfcpu}: a
 * scheduler of its own that counts the node's room otherwise, a pod bound by {@code nodeName}): refusals that go on
 * for two minutes are INSUFFICIENT_RESOURCES; a burst at a node's restart is not.
 */
class KubeletRefusalReplayTest {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final String POD = "vm-runner-7c9d8b6f5-x2k4p";
    static final String REFUSAL = "Node didn't have enough resource: cpu, requested: 1000, used: 94939, capacity: 95690";

    static List<Incident> refused(long... secondsAfterT0) {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            int n = 0;
            for (long s : secondsAfterT0) {
                replay.event(Kube.podEvent(POD, "Warning", "OutOfcpu", REFUSAL, T0.plusSeconds(s), "oc-" + n++, null),
                        T0.plusSeconds(s));
            }
            return replay.finish().latest().stream().filter(i -> i.getCategory() != null).toList();
        }
    }

    @Test
    void refusals_over_minutes_are_insufficient_resources() {
        assertThat(refused(0, 60, 180, 300)).singleElement().satisfies(i ->
                assertThat(i.getCategory().toString()).isEqualTo("INSUFFICIENT_RESOURCES"));
    }

    @Test
    void a_burst_of_refusals_opens_nothing() {
        assertThat(refused(0, 1, 2)).isEmpty();
    }

    /**
     * ocs-ci#12362 class: a describe of the refused pod, still Failed ten minutes after it was created: the refusal has
     * gone on that long by itself; the same pod seen Failed at its start is a burst's.
     */
    @Test
    void a_refused_pod_still_failed_minutes_later() {
        assertThat(refusedPod(Duration.ofMinutes(10))).singleElement().satisfies(i -> {
            assertThat(i.getCategory().toString()).isEqualTo("INSUFFICIENT_RESOURCES");
            assertThat(i.getCauses()).extracting(c -> c.getId()).contains("REFUSED_POD_STAYS_FAILED");
        });
        assertThat(refusedPod(Duration.ofSeconds(20))).isEmpty();
    }

    static List<Incident> refusedPod(Duration since) {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            Instant seen = T0.plus(since);
            PodSnapshot pod = Kube.pod("vm-runner", POD, "node-7", seen, "Failed", null, null, 0, false);
            pod.setCreationTimestamp(T0);
            pod.setReason("OutOfcpu");
            pod.setMessage("Pod was rejected: " + REFUSAL);
            replay.pod("test/inference/" + POD, pod, seen);
            return replay.finish().latest().stream().filter(i -> i.getCategory() != null).toList();
        }
    }
}
