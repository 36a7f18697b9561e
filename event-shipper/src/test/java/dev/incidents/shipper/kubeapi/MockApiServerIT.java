package dev.incidents.shipper.kubeapi;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The harness itself: the real kubectl and a fabric8 informer both work against the wrapped CRUD mock. */
class MockApiServerIT {
    @TempDir
    Path tmp;
    MockApiServer api;
    Kubectl kubectl;
    KubernetesClient client;

    @BeforeEach
    void start() {
        api = MockApiServer.start(true);
        kubectl = new Kubectl(api, tmp);
        client = new KubernetesClientBuilder().withConfig(api.clientConfig()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        api.close();
    }

    @Test
    void kubectlCreatesPatchesAndDeletesWhileAnInformerWatches() {
        List<String> seen = new CopyOnWriteArrayList<>();
        SharedIndexInformer<Pod> informer = client.pods().inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                seen.add("ADD " + pod.getMetadata().getName() + " " + pod.getStatus().getPhase());
            }

            @Override
            public void onUpdate(Pod old, Pod pod) {
                var statuses = pod.getStatus().getContainerStatuses();
                seen.add("UPDATE " + pod.getMetadata().getName() + " "
                        + (statuses.isEmpty() ? "-" : statuses.get(0).getState().getWaiting().getReason()));
            }

            @Override
            public void onDelete(Pod pod, boolean unknownFinalState) {
                seen.add("DELETE " + pod.getMetadata().getName());
            }
        }, 0);
        assertThat(client.supports(io.fabric8.kubernetes.api.model.events.v1.Event.class)).isTrue();

        kubectl.create(resource("node.yaml"));
        kubectl.create(resource("workload.yaml"));
        kubectl.create(resource("events-v1-backoff.yaml"));
        kubectl.create(resource("event-failed-pull.yaml"));
        await().atMost(Duration.ofSeconds(20)).until(() -> seen.contains("ADD triton-79569cfbbc-m2wcc Pending"));

        kubectl.jsonPatch("pod", "inference", "triton-79569cfbbc-m2wcc", resource("pod-image-pull-backoff.json"));
        await().atMost(Duration.ofSeconds(20)).until(() -> seen.contains("UPDATE triton-79569cfbbc-m2wcc ImagePullBackOff"));
        assertThat(kubectl.getJson("pod", "inference", "triton-79569cfbbc-m2wcc")).contains("ImagePullBackOff");
        assertThat(kubectl.run("get", "events.v1.events.k8s.io", "-n", "inference", "-o", "name")).contains("triton-79569cfbbc-m2wcc");
        assertThat(kubectl.run("get", "deploy,rs", "-n", "inference", "-o", "name")).contains("deployment.apps/triton", "replicaset.apps/triton-79569cfbbc");

        int watchesBefore = api.watchRequests("pods");
        api.failNextWatchWithGone("pods");
        assertThat(api.disconnectWatches()).isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.watchRequests("pods") >= watchesBefore + 2);

        kubectl.delete("pod", "inference", "triton-79569cfbbc-m2wcc");
        await().atMost(Duration.ofSeconds(20)).until(() -> seen.contains("DELETE triton-79569cfbbc-m2wcc"));
        System.out.println(seen);
        informer.close();
    }

    static String resource(String name) {
        try (InputStream in = MockApiServerIT.class.getResourceAsStream("/kubectl/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
