package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.Incident;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A capacity verdict that names no resource short yields to one on the same workload that names an accelerator: AWS's
 * HyperPod demo, a Kueue Workload preempted, then {@code topology "hyperpod-default" doesn't allow to fit any of 8
 * pod(s)} and its quota verdicts for {@code nvidia.com/gpu}: one INSUFFICIENT_GPU, not a second incident for the
 * topology's words. A verdict naming cpu keeps its own category beside an autoscaler's GPU node group's (statcan-57).
 */
class VagueCapacityVerdictReplayTest {

    static java.util.List<Incident> replayed(String quotaRow) {
        return Pastes.latest("""
                kubectl describe workload -n hyperpod-ns-training-team
                Events:
                  Type     Reason     Age                    From             Message
                  ----     ------     ----                   ----             -------
                  Normal   Preempted  4m47s                  kueue-admission  Preempted to accommodate a workload (UID: c3758835, JobUID: d7e5a7c5) due to Fair Sharing within the cohort
                  Warning  Pending    4m46s                  kueue-admission  couldn't assign flavors to pod set llama3-pods-podset: topology "hyperpod-default" doesn't allow to fit any of 8 pod(s)
                """ + quotaRow + "\n", Instant.parse("2025-06-01T10:21:00Z"));
    }

    private static final String QUOTA = "  kueue-admission  couldn't assign flavors to pod set llama3-pods-podset: "
            + "insufficient quota for nvidia.com/gpu in flavor ml.m5.12xlarge, request > maximum capacity (8 > 0), "
            + "insufficient unused quota for nvidia.com/gpu in flavor ml.g5.8xlarge, 2 more needed";

    /** The quota verdict within the topology verdict's grace: the vague one never opens. */
    @Test
    void aVerdictNamingNoResourceYieldsToTheAcceleratorsQuota() {
        assertThat(replayed("  Warning  Pending    4m36s (x3 over 4m36s)" + QUOTA)).extracting(Incident::getCategory)
                .containsExactly("INSUFFICIENT_GPU");
    }

    /** The quota verdict known only once the vague one has opened (a row's last time): it supersedes it. */
    @Test
    void anOpenVagueVerdictIsSupersededByTheAcceleratorsQuota() {
        assertThat(replayed("  Warning  Pending    16s (x11 over 4m16s)" + QUOTA)).satisfiesExactlyInAnyOrder(
                i -> {
                    assertThat(i.getCategory()).isEqualTo("INSUFFICIENT_RESOURCES");
                    assertThat(i.getStatus().name()).isEqualTo("RESOLVED");
                    assertThat(i.getResolution()).startsWith("superseded by");
                },
                i -> {
                    assertThat(i.getCategory()).isEqualTo("INSUFFICIENT_GPU");
                    assertThat(i.getStatus().name()).isEqualTo("OPEN");
                });
    }

    @Test
    void aVerdictNamingCpuKeepsItsOwnIncident() {
        assertThat(Pastes.latest("""
                Events:
                  Type     Reason             Age                   From                Message
                  ----     ------             ----                  ----                -------
                  Warning  FailedScheduling   <unknown>             default-scheduler   0/41 nodes are available: 2 Insufficient pods, 35 Insufficient cpu, 4 Insufficient memory.
                  Normal   NotTriggerScaleUp  12m (x3 over 14m)     cluster-autoscaler  pod didn't trigger scale-up (it wouldn't fit if a new node is added): 1 Insufficient nvidia.com/gpu, 1 Insufficient cpu, 1 Insufficient memory
                """, Instant.parse("2025-06-01T10:21:00Z"))).extracting(Incident::getCategory)
                .contains("INSUFFICIENT_RESOURCES");
    }
}
