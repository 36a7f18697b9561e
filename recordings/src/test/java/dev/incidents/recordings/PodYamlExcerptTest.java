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
