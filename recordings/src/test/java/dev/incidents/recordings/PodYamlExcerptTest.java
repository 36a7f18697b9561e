package dev.incidents.recordings;

import dev.incidents.schemas.Container;
import dev.incidents.schemas.PodSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A pod's YAML cut to a few lines under the command that printed it, inside a longer paste. */
class PodYamlExcerptTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static List<PodSnapshot> pods(String text) {
        return Fixtures.pastedPods(text, NOW);
    }

    /**
     * arthur-r-oliveira's MicroShift notes: a pod's YAML cut by grep to its container status, under the command that
     * names the pod, inside a longer paste (PodYamlExcerpt).
     */
    @Test
    void aPodsYamlCutByGrepUnderItsCommand() {
        List<PodSnapshot> pods = pods("""
                curl: (7) Failed to connect to demo.apps.example.com port 80 after 3119 ms: Couldn't connect to server

                $ oc get pods demo-k8s-buggy-745cf66f44-zj6dv -n demo -o yaml|grep -A 10 lastState
                    lastState:
                      terminated:
                        exitCode: 137
                        finishedAt: "2023-11-24T19:15:40Z"
                        reason: OOMKilled
                        startedAt: "2023-11-24T18:58:18Z"
                    name: demo-k8s-buggy
                    ready: true
                    restartCount: 1
                    started: true
                """);
        assertThat(pods).singleElement().satisfies(pod -> {
            assertThat(pod.getNamespace() + "/" + pod.getName()).isEqualTo("demo/demo-k8s-buggy-745cf66f44-zj6dv");
            Container c = pod.getContainers().get(0);
            assertThat(c.getName()).isEqualTo("demo-k8s-buggy");
            assertThat(c.getLastState().getReason()).isEqualTo("OOMKilled");
            assertThat(c.getLastState().getExitCode()).isEqualTo(137);
            assertThat(c.getRestartCount()).isEqualTo(1);
        });
    }

    /**
     * sylva workload-cluster-operator#37 class: container statuses pasted under a listing without their command, with
     * the reporter's elision (YAML's own end-of-document marker) and carets under the value that matters; the waiting
     * message names the pod. Statuses that name no pod are left to the listing.
     */
    @Test
    void containerStatusesWithoutTheirCommandNamedByTheirMessage() {
        List<PodSnapshot> pods = pods("""
                k get pods -n operator-system
                NAME                                    READY   STATUS             RESTARTS         AGE
                controller-manager-c8df787d6-chd2p      1/2     CrashLoopBackOff   232 (107s ago)   20h
                  - containerID: containerd://deae61a2
                    image: registry.example.com/operator:v0.4.0
                ...
                    lastState:
                      terminated:
                        exitCode: 137
                        reason: OOMKilled
                                ^^^^^^^^
                    name: manager
                    restartCount: 232
                    state:
                      waiting:
                        message: back-off 5m0s restarting failed container=manager pod=controller-manager-c8df787d6-chd2p_operator-system(907f5f86)
                        reason: CrashLoopBackOff
                """);
        assertThat(pods).filteredOn(pod -> pod.getContainers().stream()
                        .anyMatch(c -> c.getLastState() != null && "OOMKilled".equals(c.getLastState().getReason())))
                .singleElement().satisfies(pod -> {
                    assertThat(pod.getNamespace() + "/" + pod.getName())
                            .isEqualTo("operator-system/controller-manager-c8df787d6-chd2p");
                    Container c = pod.getContainers().get(0);
                    assertThat(c.getName()).isEqualTo("manager");
                    assertThat(c.getLastState().getExitCode()).isEqualTo(137);
                    assertThat(c.getRestartCount()).isEqualTo(232);
                });
        assertThat(pods("""
                The container keeps dying:
                    lastState:
                      terminated:
                        exitCode: 137
                        reason: OOMKilled
                """)).as("no pod named").isEmpty();
    }

    /** The YAML of something else than a pod's status (a deployment's spec), or of an unnamed pod: nothing. */
    @Test
    void otherExcerptsAreLeftAlone() {
        assertThat(pods("""
                $ kubectl get deploy web -o yaml | grep -A3 resources
                    resources:
                      limits:
                        memory: 128Mi
                """)).isEmpty();
        assertThat(pods("""
                $ kubectl get pod web-0 -o yaml | grep -A3 resources
                    resources:
                      limits:
                        memory: 128Mi
                """)).isEmpty();
    }
}
