package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An object rendered with unquoted keys is the JSON it renders; YAML and prose that look alike are not. */
class RelaxedObjectTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2024-09-25T12:00:00Z"));

    private final List<Rejection> rejections = new ArrayList<>();

    /** openshift/release#57180: a CI artifact viewer's events.json fragment, keys unquoted, outer braces left out. */
    @Test
    void anEventRenderedWithUnquotedKeysIsThatEvent() {
        List<Recorded> records = Recordings.read("events.txt", """
                involvedObject: {
                kind: "Pod",
                namespace: "ci-op-h615593z",
                name: "vllm-build-ibm-dev-cuda-amd64-build",
                apiVersion: "v1",
                },
                reason: "Evicted",
                message: "The node was low on resource: memory. Threshold quantity: 100Mi, available: 20948Ki. ",
                """, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).singleElement().satisfies(r -> {
            KubeEvent e = (KubeEvent) r.value();
            assertThat(e.getReason()).isEqualTo("Evicted");
            assertThat(e.getInvolvedObject().getNamespace() + "/" + e.getInvolvedObject().getName())
                    .isEqualTo("ci-op-h615593z/vllm-build-ibm-dev-cuda-amd64-build");
        });
    }

    /**
     * kubevirt/kubevirt#2623: a container's status pasted with its keys unquoted, cut by the stored copy inside the
     * list: the pod status as far as it goes, its container OOM-killed before five restarts.
     */
    @Test
    void containerStatusesRenderedSoAndCutAreAPodsStatus() {
        List<Recorded> records = Recordings.read("describe.txt", """
                containerStatuses: [
                {
                name: "virt-operator",
                state: {
                running: {
                startedAt: "2019-09-26T14:44:48Z"
                }
                },
                lastState: {
                terminated: {
                exitCode: 1,
                reason: "OOMKilled",
                finishedAt: "2019-09-26T14:44:33Z"
                }
                },
                ready: true,
                restartCount: 5,
                image: "registry:5000/kubevirt/virt-operator:devel_alt",
                """, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).singleElement().satisfies(r -> {
            var pod = (dev.incidents.schemas.PodSnapshot) r.value();
            assertThat(pod.getContainers()).singleElement().satisfies(c -> {
                assertThat(c.getName()).isEqualTo("virt-operator");
                assertThat(c.getRestartCount()).isEqualTo(5);
                assertThat(c.getLastState().getReason()).isEqualTo("OOMKilled");
            });
        });
    }

    @Test
    void yamlAndProseAreNotSuchObjects() {
        assertThat(RelaxedObject.parse("reason: \"Evicted\"\nmessage: \"The node was low on resource: memory.\"\n")).isNull();
        assertThat(RelaxedObject.parse("note: the pod was evicted, then it ran again")).isNull();
        var pod = RelaxedObject.parse("{kind: 'Pod', metadata: {name: 'web-0', namespace: 'shop'},}");
        assertThat(pod).isNotNull();
        assertThat(pod.path("metadata").path("name").asText()).isEqualTo("web-0");
    }
}
