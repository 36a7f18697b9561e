package dev.incidents.recordings;

import dev.incidents.schemas.Container;
import dev.incidents.schemas.PodSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kubectl's jsonpath print of a pod's container states: the template says which field each printed word is, so the
 * print is the pod with those states; prints of lists, of other fields or of values glued together are left alone.
 */
class JsonPathPrintTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static List<PodSnapshot> pods(String text) {
        return Fixtures.pastedPods(text, NOW);
    }

    /** spareilleux/learn lesson 2: the last state's reason and exit code on one line, the pod's namespace from -n. */
    @Test
    void aLastStatesReasonAndExitCode() {
        List<PodSnapshot> pods = pods("""
                > kubectl get pod -n l02 oom -o jsonpath='{.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}{"\\n"}'
                OOMKilled 137
                """);
        assertThat(pods).singleElement().satisfies(pod -> {
            assertThat(pod.getNamespace() + "/" + pod.getName()).isEqualTo("l02/oom");
            assertThat(pod.getPhase()).isEqualTo("Running");
            Container c = pod.getContainers().get(0);
            assertThat(c.getLastState().getKind()).isEqualTo("terminated");
            assertThat(c.getLastState().getReason()).isEqualTo("OOMKilled");
            assertThat(c.getLastState().getExitCode()).isEqualTo(137);
            assertThat(c.getRestartCount()).isEqualTo(1); // a last state is a run before this one
        });
    }

    /** A homework transcript's {@code set -x} trace: the waiting reason of the second container, labelled. */
    @Test
    void aWaitingReasonWithLabelsAndARestartCount() {
        List<PodSnapshot> pods = pods("""
                ++ kubectl get pod crash -n hw14 -o 'jsonpath=phase={.status.phase} reason={.status.containerStatuses[1].state.waiting.reason} restarts={.status.containerStatuses[1].restartCount}'
                phase=Running reason=CrashLoopBackOff restarts=4
                """);
        assertThat(pods).singleElement().satisfies(pod -> {
            assertThat(pod.getNamespace() + "/" + pod.getName()).isEqualTo("hw14/crash");
            assertThat(pod.getContainers()).hasSize(2);
            Container c = pod.getContainers().get(1);
            assertThat(c.getState().getKind()).isEqualTo("waiting");
            assertThat(c.getState().getReason()).isEqualTo("CrashLoopBackOff");
            assertThat(c.getRestartCount()).isEqualTo(4);
        });
    }

    @Test
    void printsThatSayNoStateOrCannotBeSplitAreLeftAlone() {
        assertThat(pods("""
                $ kubectl get pod errimagepull-pod -o jsonpath='{.spec.containers[0].image}'
                nginx:1.99-nonexistent
                """)).isEmpty();
        assertThat(pods("""
                $ kubectl get pods -o jsonpath='{.items[*].status.containerStatuses[*].state.waiting.reason}'
                CrashLoopBackOff ImagePullBackOff
                """)).isEmpty();
        assertThat(pods("""
                $ kubectl get pod web -o jsonpath='{.status.containerStatuses[0].state.waiting.reason}{.status.containerStatuses[0].restartCount}'
                CrashLoopBackOff4
                """)).isEmpty();
        assertThat(pods("""
                $ kubectl get pod web -o jsonpath='{.status.phase}'
                Running
                """)).isEmpty(); // a phase alone: a listing says as much
    }
}
