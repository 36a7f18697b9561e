package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.ContainerState;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.PodSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pod's snapshots as a watch shows them ({@code kubectl get pods -w}, or the shipper's pod updates) when no event is in
 * the input: a container restarted between two snapshots that both show it running, never seen exiting or waiting in
 * between, was killed and restarted by the kubelet in one sync, which only a failing liveness or startup probe makes
 * it do (kubernetes#11948, #99697). A crash shows the container terminated or in back-off between its runs.
 */
class RestartedInPlaceReplayTest {

    static final Instant T0 = Instant.parse("2025-05-20T08:00:00Z");
    static final String POD = "triton-7d4b9c6f5-q8x2m";
    static final String NODE = "gpu-node-1";

    /** One snapshot of the watch: a state, the restarts so far, ready or not, {@code seconds} after T0. */
    record Row(int seconds, ContainerState state, ContainerState lastState, int restarts, boolean ready) {
        static Row running(int seconds, int restarts, boolean ready) {
            return new Row(seconds, Kube.running(T0.plusSeconds(seconds)), null, restarts, ready);
        }

        static Row state(int seconds, ContainerState state, int restarts) {
            return new Row(seconds, state, null, restarts, false);
        }
    }

    static List<Incident> replayed(List<Row> rows) {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            for (Row row : rows) {
                Instant at = T0.plusSeconds(row.seconds());
                PodSnapshot pod = Kube.pod("triton", POD, NODE, at, "Running", row.state(), row.lastState(),
                        row.restarts(), row.ready());
                pod.setCreationTimestamp(T0);
                replay.pod("test/inference/" + POD, pod, at);
            }
            return replay.finish().latest();
        }
    }

    /** The docs' liveness example: Running and ready between kills every 70 s, back-off setting in after a few. */
    @Test
    void restartsBetweenRunningSnapshotsAreTheProbesKills() {
        List<Row> rows = new ArrayList<>(List.of(Row.running(3, 0, true)));
        for (int k = 1; k <= 5; k++) {
            rows.add(Row.running(70 * k, k, true));
        }
        rows.add(Row.state(420, Kube.waiting("CrashLoopBackOff"), 5));
        rows.add(Row.running(510, 6, true));

        List<Incident> incidents = replayed(rows);

        assertThat(incidents).extracting(Incident::getCategory).containsExactly("PROBE_FAILURE");
        Incident probe = incidents.get(0);
        assertThat(probe.getCauses().get(0).getId()).isEqualTo("RESTARTED_WHILE_RUNNING");
        assertThat(probe.getTitle()).contains("liveness probe");
    }

    /** A crash shows itself between the runs: terminated, then waiting in back-off. */
    @Test
    void restartsWithTheContainerSeenEndedBetweenAreACrashLoop() {
        List<Row> rows = new ArrayList<>(List.of(Row.running(3, 0, true)));
        int t = 3;
        for (int k = 1; k <= 5; k++) {
            t += 40;
            rows.add(Row.state(t, Kube.terminated("Error", 1, T0.plusSeconds(t)), k - 1));
            t += 5;
            rows.add(Row.state(t, Kube.waiting("CrashLoopBackOff"), k));
            t += 10 << k;
            rows.add(Row.running(t, k, true));
        }

        List<Incident> incidents = replayed(rows);

        assertThat(incidents).extracting(Incident::getCategory).containsExactly("CRASH_LOOP");
    }

    /**
     * Restarted in place once (a bare pod's image changed, a node rebooted), or restarts counted across snapshots taken
     * far apart (what happened between is not shown): no probe is proven to kill it.
     */
    @Test
    void oneRestartInPlaceOrAJumpOfSeveralIsNoProbeKill() {
        assertThat(replayed(List.of(Row.running(3, 0, true), Row.running(600, 1, true), Row.running(1200, 1, true))))
                .isEmpty();
        assertThat(replayed(List.of(Row.running(3, 1, true), Row.running(
                (int) Duration.ofHours(2).toSeconds(), 5, true), Row.running(
                (int) Duration.ofHours(4).toSeconds(), 9, true))))
                .extracting(Incident::getCategory).doesNotContain("PROBE_FAILURE");
    }

    /** A container whose last run ended out of memory exited by itself, whatever the snapshots between show. */
    @Test
    void restartsAfterAnOomKillAreNotTheProbes() {
        List<Row> rows = new ArrayList<>(List.of(Row.running(3, 0, true)));
        for (int k = 1; k <= 3; k++) {
            rows.add(new Row(70 * k, Kube.running(T0.plusSeconds(70 * k)),
                    Kube.terminated("OOMKilled", 137, T0.plusSeconds(70 * k - 1)), k, true));
        }

        List<Incident> incidents = replayed(rows);

        assertThat(incidents).extracting(Incident::getCategory).contains("OOM_KILLED").doesNotContain("PROBE_FAILURE");
    }
}
