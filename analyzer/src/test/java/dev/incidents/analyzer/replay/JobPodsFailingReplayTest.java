package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.ContainerState;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.OwnerRef;
import dev.incidents.schemas.PodSnapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Job with restart policy Never is not restarted in place: the Job controller replaces each pod that failed with a
 * new one (bitnami/charts#7305: five pods of a cleanup Job in {@code Error}, none restarted). Three of its pods ended
 * in error, none completed, is the crash loop such a Job makes; and the controller giving up
 * ({@code BackoffLimitExceeded}) says the same.
 */
class JobPodsFailingReplayTest {

    static final Instant T0 = Instant.parse("2025-06-02T10:00:00Z");
    static final String JOB = "apprepo-cleanup-dzzgt";

    /** The Job's pod {@code suffix}, {@code seconds} after T0, its one container ended as {@code state}. */
    static PodSnapshot jobPod(String suffix, int seconds, String phase, ContainerState state) {
        PodSnapshot pod = Kube.pod("cleanup", JOB + "-" + suffix, "worker-1", T0.plusSeconds(seconds), phase, state,
                null, 0, false);
        pod.setOwners(List.of(OwnerRef.newBuilder().setKind("Job").setName(JOB).build()));
        pod.setLabels(java.util.Map.of("job-name", JOB));
        pod.setCreationTimestamp(T0.plusSeconds(seconds - 5));
        return pod;
    }

    static List<Incident> replayed(List<PodSnapshot> pods) {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            for (PodSnapshot pod : pods) {
                replay.pod("test/inference/" + pod.getName(), pod, pod.getObservedAt());
            }
            return replay.finish().latest();
        }
    }

    static ContainerState error(int seconds) {
        return Kube.terminated("Error", 1, T0.plusSeconds(seconds));
    }

    @Test
    void threePodsOfAJobFailedInTurnAreItsCrashLoop() {
        List<Incident> incidents = replayed(List.of(jobPod("7slgs", 10, "Failed", error(10)),
                jobPod("gn6pn", 30, "Failed", error(30)), jobPod("lsfrx", 70, "Failed", error(70))));
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.getCategory()).isEqualTo("CRASH_LOOP");
            assertThat(i.getWorkload().getKind() + "/" + i.getWorkload().getName()).isEqualTo("Job/" + JOB);
        });
    }

    @Test
    void aJobWhoseRetryCompletedOrThatFailedOnceIsNoLoop() {
        assertThat(replayed(List.of(jobPod("7slgs", 10, "Failed", error(10)), jobPod("gn6pn", 30, "Failed", error(30)),
                jobPod("lsfrx", 70, "Succeeded", Kube.terminated("Completed", 0, T0.plusSeconds(70))))))
                .extracting(Incident::getCategory).doesNotContain("CRASH_LOOP");
        assertThat(replayed(List.of(jobPod("7slgs", 10, "Failed", error(10))))).isEmpty();
    }

    /**
     * The Job's next pod completing after the incident opened (past CRASH_LOOP's 90 s grace) ends the loop: the incident
     * resolves, saying so; one completing within the grace opens none.
     */
    @Test
    void aLaterPodOfTheJobCompletingResolvesIt() {
        List<Incident> incidents = replayed(List.of(jobPod("7slgs", 10, "Failed", error(10)),
                jobPod("gn6pn", 30, "Failed", error(30)), jobPod("lsfrx", 70, "Failed", error(70)),
                jobPod("v97xv", 300, "Succeeded", Kube.terminated("Completed", 0, T0.plusSeconds(300)))));
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.getCategory()).isEqualTo("CRASH_LOOP");
            assertThat(i.getStatus()).isEqualTo(dev.incidents.schemas.IncidentStatus.RESOLVED);
            assertThat(i.getResolution()).contains("of the Job completed");
        });
    }

    @Test
    void theJobControllerGivingUpIsOne() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(Kube.event("inference", "Job", JOB, "Warning", "BackoffLimitExceeded",
                    "Job has reached the specified backoff limit", T0, T0, 1, "uid-1", null), T0);
            assertThat(replay.finish().latest()).extracting(Incident::getCategory).containsExactly("CRASH_LOOP");
        }
    }
}
