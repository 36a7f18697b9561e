package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.PodSnapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Deployment past its progress deadline ({@code ProgressDeadlineExceeded}, as {@code kubectl rollout status} reports
 * it) whose new pod runs, never Ready and never restarted: READINESS_FAILING, the deadline the span of its unreadiness
 * (arouna31: a readiness path typo, the new pod 0/1 Running beside two old Ready ones). A rollout whose new pod crashes
 * or is Ready is no readiness failure.
 */
class StalledRolloutReplayTest {

    static final Instant NOW = Instant.parse("2025-05-20T09:00:00Z");

    static List<Incident> replayed(PodSnapshot newPod) {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.pod("inference/triton-5d76fdd7dc-8v9kk", Kube.pod("triton", "triton-5d76fdd7dc-8v9kk", "gpu-1", NOW,
                    "Running", Kube.running(NOW.minusSeconds(7200)), null, 0, true), NOW);
            replay.pod("inference/" + newPod.getName(), newPod, NOW);
            replay.event(Kube.event("inference", "Deployment", "triton", "Warning", "ProgressDeadlineExceeded",
                    "deployment \"triton\" exceeded its progress deadline", NOW, NOW, 1, "u-1", null), NOW);
            return replay.finish().latest();
        }
    }

    @Test
    void a_new_pod_running_never_ready_past_the_deadline_is_readiness_failing() {
        assertThat(replayed(Kube.pod("triton", "triton-86c676689d-mbgk6", "gpu-1", NOW, "Running", Kube.running(null),
                null, 0, false))).singleElement().satisfies(i -> {
                    assertThat(i.getCategory()).isEqualTo("READINESS_FAILING");
                    assertThat(i.getWorkload().getName()).isEqualTo("triton");
                });
    }

    @Test
    void a_new_pod_restarting_or_ready_is_no_readiness_failure() {
        assertThat(replayed(Kube.pod("triton", "triton-86c676689d-mbgk6", "gpu-1", NOW, "Running", Kube.running(null),
                null, 0, true))).isEmpty();
        assertThat(replayed(Kube.pod("triton", "triton-86c676689d-mbgk6", "gpu-1", NOW, "Running", Kube.running(null),
                Kube.terminated("Error", 1, NOW.minusSeconds(30)), 3, false)))
                .noneMatch(i -> i.getCategory().equals("READINESS_FAILING"));
    }
}
