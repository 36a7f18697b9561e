package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.ContainerState;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.PodSnapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A liveness probe seen failing fewer times than its threshold (a {@code kubectl events | tail}, events aggregated
 * away) on a pod restarted as often as a loop is: when its container's last end is a stopped container's (exit 0,
 * 137, 143, or none printed), the probe's kills explain the restarts and PROBE_FAILURE opens, in whichever order the
 * snapshot and the event of one moment come (tanishkothari9/DevOps: nginx answering too slowly on an overloaded node,
 * 11 restarts, last exit 0). A container that exits with its own error code, or ran out of memory, crashes by itself.
 */
class LivenessFailuresBesideRestartsReplayTest {

    static final Instant NOW = Instant.parse("2025-05-20T10:00:00Z");
    static final String POD = "web-app-d45775485-79ppb";
    static final String FAILURE = "Liveness probe failed: Get \"http://10.244.0.130:80/\": context deadline exceeded "
            + "(Client.Timeout exceeded while awaiting headers)";

    static List<String> categories(ContainerState lastState, boolean eventFirst) {
        PodSnapshot pod = Kube.pod("web-app", POD, "minikube", NOW, "Running", Kube.running(NOW.minusSeconds(36)),
                lastState, 11, false);
        pod.setCreationTimestamp(NOW.minusSeconds(84 * 60));
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            if (eventFirst) {
                replay.event(Kube.podEvent(POD, "Warning", "Unhealthy", FAILURE, NOW, "u-1", "minikube"), NOW);
            }
            replay.pod("test/inference/" + POD, pod, NOW);
            if (!eventFirst) {
                replay.event(Kube.podEvent(POD, "Warning", "Unhealthy", FAILURE, NOW, "u-1", "minikube"), NOW);
            }
            return replay.finish().latest().stream().map(Incident::getCategory).toList();
        }
    }

    @Test
    void oneLivenessFailureOnAPodRestartedElevenTimesIsTheProbesKills() {
        ContainerState completed = Kube.terminated("Completed", 0, NOW.minusSeconds(37));
        assertThat(categories(completed, true)).containsExactly("PROBE_FAILURE");
        assertThat(categories(completed, false)).containsExactly("PROBE_FAILURE");
        assertThat(categories(null, true)).containsExactly("PROBE_FAILURE");
    }

    @Test
    void aContainerEndingWithItsOwnErrorOrOutOfMemoryIsNoProbeKill() {
        assertThat(categories(Kube.terminated("Error", 1, NOW.minusSeconds(37)), true))
                .doesNotContain("PROBE_FAILURE");
        assertThat(categories(Kube.terminated("OOMKilled", 137, NOW.minusSeconds(37)), true))
                .doesNotContain("PROBE_FAILURE").contains("OOM_KILLED");
    }
}
