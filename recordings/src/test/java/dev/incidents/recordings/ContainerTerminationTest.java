package dev.incidents.recordings;

import dev.incidents.schemas.Container;
import dev.incidents.schemas.ContainerState;
import dev.incidents.schemas.PodSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A container's CURRENT {@code State: Terminated} (a Job's pod, a pod whose container has not restarted yet) carries
 * the termination as much as its {@code Last State}: the pod snapshot keeps both, with reason, exit code, times and
 * the restart count, whichever of them the paste shows.
 */
class ContainerTerminationTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2025-04-29T07:00:00Z"));

    private final List<Rejection> rejections = new ArrayList<>();

    private Container onlyContainer(String text) {
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).hasSize(1);
        PodSnapshot pod = (PodSnapshot) records.get(0).value();
        assertThat(pod.getContainers()).hasSize(1);
        return pod.getContainers().get(0);
    }

    /** kubernetes#131530: the current state is the OOM kill (exit code 0 there), no Last State, no restart. */
    @Test
    void currentTerminatedStateWithoutLastState() {
        Container container = onlyContainer("""
                State:          Terminated
                  Reason:       OOMKilled
                  Exit Code:    0
                  Started:      Tue, 29 Apr 2025 13:43:32 +0800
                  Finished:     Tue, 29 Apr 2025 14:10:51 +0800
                Ready:          False
                Restart Count:  0
                """);

        ContainerState state = container.getState();
        assertThat(state.getKind()).isEqualTo("terminated");
        assertThat(state.getReason()).isEqualTo("OOMKilled");
        assertThat(state.getExitCode()).isZero();
        assertThat(state.getStartedAt()).isEqualTo(Instant.parse("2025-04-29T05:43:32Z"));
        assertThat(state.getFinishedAt()).isEqualTo(Instant.parse("2025-04-29T06:10:51Z"));
        assertThat(container.getLastState()).isNull();
        assertThat(container.getRestartCount()).isZero();
        assertThat(container.getReady()).isFalse();
    }

    /** kubernetes#122256: running again after a kill with exit code 137 and reason Error; the container name line has no colon. */
    @Test
    void lastStateErrorWithExitCode137AndARestart() {
        Container container = onlyContainer("""
                wk64c
                    State: Running
                      Started: Mon, 13 Nov 2023 03:50:57 +0100
                    Last State: Terminated
                      Reason: Error
                      Exit Code: 137
                      Started: Mon, 13 Nov 2023 03:48:52 +0100
                      Finished: Mon, 13 Nov 2023 03:50:55 +0100
                    Ready: True
                    Restart Count: 1
                """);

        assertThat(container.getState().getKind()).isEqualTo("running");
        assertThat(container.getLastState().getKind()).isEqualTo("terminated");
        assertThat(container.getLastState().getReason()).isEqualTo("Error");
        assertThat(container.getLastState().getExitCode()).isEqualTo(137);
        assertThat(container.getLastState().getFinishedAt()).isEqualTo(Instant.parse("2023-11-13T02:50:55Z"));
        assertThat(container.getRestartCount()).isEqualTo(1);
    }

    /**
     * A whole describe of a pod whose container is terminated now and was OOM-killed before it (the block of
     * kubernetes#131530 under a container of a describe: adapted, the header fields are the describe's usual ones).
     */
    @Test
    void describedPodKeepsCurrentAndLastTermination() {
        List<Recorded> records = Recordings.read("describe.txt", """
                Name:             trainer-7c9d5b6f4d-kq2xz
                Namespace:        ml
                Node:             gpu-node-1/10.0.0.12
                Status:           Running
                Controlled By:    ReplicaSet/trainer-7c9d5b6f4d
                Containers:
                  trainer:
                    Image:          ghcr.io/example/trainer:1.4
                    Limits:
                      memory:          16Gi
                      nvidia.com/gpu:  1
                    State:          Terminated
                      Reason:       OOMKilled
                      Exit Code:    137
                      Started:      Tue, 29 Apr 2025 13:43:32 +0800
                      Finished:     Tue, 29 Apr 2025 14:10:51 +0800
                    Last State:     Terminated
                      Reason:       OOMKilled
                      Exit Code:    137
                      Started:      Tue, 29 Apr 2025 13:20:02 +0800
                      Finished:     Tue, 29 Apr 2025 13:43:30 +0800
                    Ready:          False
                    Restart Count:  4
                """, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        PodSnapshot pod = (PodSnapshot) records.get(0).value();
        Container trainer = pod.getContainers().get(0);
        assertThat(trainer.getLimits()).containsEntry("memory", "16Gi");
        assertThat(trainer.getState().getReason()).isEqualTo("OOMKilled");
        assertThat(trainer.getState().getExitCode()).isEqualTo(137);
        assertThat(trainer.getLastState().getReason()).isEqualTo("OOMKilled");
        assertThat(trainer.getLastState().getFinishedAt()).isEqualTo(Instant.parse("2025-04-29T05:43:30Z"));
        assertThat(trainer.getRestartCount()).isEqualTo(4);
        assertThat(pod.getNodeName()).isEqualTo("gpu-node-1");
    }

    /** The same through Pod JSON: {@code state.terminated} is kept beside {@code lastState.terminated}. */
    @Test
    void podJsonKeepsCurrentTerminatedState() {
        List<Recorded> records = Recordings.read("pod.json", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"pi-7xk2p","namespace":"batch"},
                 "spec":{"containers":[{"name":"pi","image":"perl:5.34"}]},
                 "status":{"phase":"Failed","containerStatuses":[{"name":"pi","ready":false,"restartCount":0,
                   "state":{"terminated":{"exitCode":137,"reason":"OOMKilled","startedAt":"2025-04-29T05:43:32Z",
                     "finishedAt":"2025-04-29T06:10:51Z"}}}]}}
                """, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        Container pi = ((PodSnapshot) records.get(0).value()).getContainers().get(0);
        assertThat(pi.getState().getKind()).isEqualTo("terminated");
        assertThat(pi.getState().getReason()).isEqualTo("OOMKilled");
        assertThat(pi.getState().getExitCode()).isEqualTo(137);
        assertThat(pi.getLastState()).isNull();
    }

    /** NVIDIA/gpu-operator#1518: one container's block pasted with its name line, no Containers line above it. */
    @Test
    void containerBlockPastedWithItsNameLine() {
        Container container = onlyContainer("""
                  toolkit-validation:
                    Container ID:  containerd://f8e0836a357dcb47c6f7de38bd7b183956024104faf5118e85a44ee6e41f687d
                    Image:         nvcr.io/nvidia/cloud-native/gpu-operator-validator:v24.9.1
                    Image ID:      nvcr.io/nvidia/cloud-native/gpu-operator-validator@sha256:420869a5601e0bff799ffe57ca1883c429ef9071d380050de0223d0a5278517c
                    Port:          <none>
                    Host Port:     <none>
                    Command:
                      sh
                      -c
                    Args:
                      nvidia-validator
                    State:          Waiting
                      Reason:       CrashLoopBackOff
                    Last State:     Terminated
                      Reason:       StartError
                """);

        assertThat(container.getName()).isEqualTo("toolkit-validation");
        assertThat(container.getImage()).isEqualTo("nvcr.io/nvidia/cloud-native/gpu-operator-validator:v24.9.1");
        assertThat(container.getState().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(container.getLastState().getKind()).isEqualTo("terminated");
        assertThat(container.getLastState().getReason()).isEqualTo("StartError");
    }

    /**
     * A termination's fields quoted without the state line they were under: the exit code says a container ended, so
     * they are its last state; a pod's own {@code Reason: Evicted} with a message is no container's.
     */
    @Test
    void terminationFieldsQuotedWithoutTheirStateLine() {
        Container container = onlyContainer("""
                Reason: OOMKilled
                Exit Code: 137
                """);
        assertThat(container.getLastState().getKind()).isEqualTo("terminated");
        assertThat(container.getLastState().getReason()).isEqualTo("OOMKilled");
        assertThat(container.getLastState().getExitCode()).isEqualTo(137);

        Container failed = onlyContainer("""
                Reason:       Error
                Exit Code:    1
                Message:      panic: cannot open /models/config.pbtxt
                """);
        assertThat(failed.getLastState().getReason()).isEqualTo("Error");
        assertThat(failed.getLastState().getExitCode()).isEqualTo(1);

        List<Recorded> clean = Recordings.read("paste.txt", """
                Reason:       Completed
                Exit Code:    0
                """, OPTIONS, rejections::add);
        assertThat(clean).isEmpty();
    }

    /**
     * lwolf/kube-cleanup-operator#34: a state block whose first line lost its indentation in the copy (the selection
     * began at its first word); {@code Last State} dedents below {@code State}'s fields, so it is State's sibling and
     * the OOM kill is the last termination, not a field of the current state. A first line that is the parent of what
     * follows keeps its column.
     */
    @Test
    void aFirstLineCopiedWithoutItsIndentation() {
        Container container = onlyContainer("""
                State:          Waiting
                      Reason:       CrashLoopBackOff
                    Last State:     Terminated
                      Reason:       OOMKilled
                      Exit Code:    137
                """);
        assertThat(container.getState().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(container.getLastState().getReason()).isEqualTo("OOMKilled");
        assertThat(container.getLastState().getExitCode()).isEqualTo(137);

        Container named = onlyContainer("""
                triton:
                    Container ID:   containerd://4f1c
                    Image:          nvcr.io/nvidia/tritonserver:24.05-py3
                    State:          Waiting
                      Reason:       CrashLoopBackOff
                    Last State:     Terminated
                      Reason:       OOMKilled
                      Exit Code:    137
                    Restart Count:  4
                """);
        assertThat(named.getName()).isEqualTo("triton");
        assertThat(named.getLastState().getReason()).isEqualTo("OOMKilled");
        assertThat(named.getRestartCount()).isEqualTo(4);
    }

    /**
     * NVIDIA/nvidia-container-toolkit#30: the second init container's name line lost its indentation in the copy (after
     * the reporter's {@code ...}); it is still that container, not the end of the section.
     */
    @Test
    void aContainerNameFlushLeftInsideItsSection() {
        List<Recorded> records = Recordings.read("paste.txt", """
                Name:         gpu-pod
                Namespace:    default
                Init Containers:
                  app1:
                    ...
                    State:          Terminated
                      Reason:       Completed
                      Exit Code:    0
                    ...
                app2:
                    ...
                    State:          Terminated
                      Reason:       OOMKilled
                      Exit Code:    0
                """, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        PodSnapshot pod = (PodSnapshot) records.get(records.size() - 1).value();
        assertThat(pod.getInitContainers()).extracting(Container::getName).containsExactly("app1", "app2");
        assertThat(pod.getInitContainers().get(1).getState().getReason()).isEqualTo("OOMKilled");
    }
}
