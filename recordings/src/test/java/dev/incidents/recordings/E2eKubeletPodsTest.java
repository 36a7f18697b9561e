package dev.incidents.recordings;

import dev.incidents.schemas.PodSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The e2e framework's dump of a node's pods and their containers' readiness and restarts is those pods' status. */
class E2eKubeletPodsTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2020-07-17T17:53:00Z"));

    private static List<PodSnapshot> pods(String text) {
        return Fixtures.pastedPods(text, OPTIONS.now());
    }

    /**
     * kubernetes#93187: the GPU driver installer's init container restarted six times, behind Prow's prefix; the pod
     * is Pending on the node the dump is about, its init container running again, the app container waiting for it.
     */
    @Test
    void anInitContainerNotReadyWithRestartsHoldsThePod() {
        List<PodSnapshot> pods = pods("""
                I0717 17:52:59.480] Jul 17 17:52:59.470: INFO:\s
                I0717 17:52:59.480] Logging pods the kubelet thinks is on node bootstrap-e2e-minion-group-3k82
                I0717 17:52:59.587] Jul 17 17:52:59.582: INFO: nvidia-driver-installer-ctjmf started at 2020-07-17 17:42:58 +0000 UTC (1+1 container statuses recorded)
                I0717 17:52:59.587] Jul 17 17:52:59.582: INFO: \tInit container nvidia-driver-installer ready: false, restart count 6
                I0717 17:52:59.587] Jul 17 17:52:59.582: INFO: \tContainer pause ready: false, restart count 0
                I0717 17:52:59.588] Jul 17 17:52:59.582: INFO: kube-proxy-abcde started at 2020-07-17 17:40:01 +0000 UTC (0+1 container statuses recorded)
                I0717 17:52:59.588] Jul 17 17:52:59.582: INFO: \tContainer kube-proxy ready: true, restart count 0
                """);
        assertThat(pods).extracting(PodSnapshot::getName).containsExactly("nvidia-driver-installer-ctjmf", "kube-proxy-abcde");
        PodSnapshot installer = pods.get(0);
        assertThat(installer.getNodeName()).isEqualTo("bootstrap-e2e-minion-group-3k82");
        assertThat(installer.getPhase()).isEqualTo("Pending");
        assertThat(installer.getInitContainers()).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo("nvidia-driver-installer");
            assertThat(c.getRestartCount()).isEqualTo(6);
            assertThat(c.getState().getKind()).isEqualTo("running");
        });
        assertThat(installer.getContainers()).singleElement()
                .satisfies(c -> assertThat(c.getState().getReason()).isEqualTo("PodInitializing"));
        PodSnapshot proxy = pods.get(1);
        assertThat(proxy.getPhase()).isEqualTo("Running");
        assertThat(proxy.getContainers().get(0).getReady()).isTrue();
    }

    /** The older print names the namespace and no node. */
    @Test
    void theNamespacedPrint() {
        PodSnapshot pod = pods("INFO: fluentd-cloud-logging-x1 from kube-system started at 2016-01-21 06:50:00 +0000 UTC "
                + "(1 container statuses recorded)\nINFO: \tContainer fluentd ready: false, restart count 12\n").get(0);
        assertThat(pod.getNamespace()).isEqualTo("kube-system");
        assertThat(pod.getNodeName()).isNull();
        assertThat(pod.getContainers().get(0).getRestartCount()).isEqualTo(12);
    }
}
