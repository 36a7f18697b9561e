package dev.incidents.shipper;

import dev.incidents.recordings.KubeObjects;
import dev.incidents.recordings.MalformedObjectException;
import dev.incidents.recordings.OwnerLookup;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.OwnerRef;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.TopicKeys;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The glue between fabric8 and the shared mapping: typed fabric8 objects, read from the same JSON the IT creates
 * through kubectl, go through {@link ObjectJson} into {@code KubeObjects} and come out as the records the topics
 * carry. One mapping for live objects and recordings: these tests check the fabric8 side of it loses nothing.
 */
class LiveMappingTest {
    static final Instant OBSERVED = Instant.parse("2025-03-14T10:02:10Z");
    static final OwnerLookup CACHED_REPLICA_SET = (namespace, kind, name) ->
            kind.equals("ReplicaSet") && name.equals("triton-79569cfbbc")
                    ? Optional.of(OwnerRef.newBuilder().setKind("Deployment").setName("triton").setUid("3f2b8a9e-7d51-4c1a-9b7e-5a0f6c2d8e11").build())
                    : Optional.empty();

    @Test
    void podInImagePullBackOffWithOwnersFromTheCacheAndNoEnvValues() {
        Pod pod = workloadPod();
        pod.setStatus(Serialization.unmarshal(ObjectJson.parse(fixture("pod-image-pull-backoff.json")).get(0).get("value").toString(),
                io.fabric8.kubernetes.api.model.PodStatus.class));

        PodSnapshot snapshot = KubeObjects.pod(ObjectJson.of(pod), "prod-us-east-1", CACHED_REPLICA_SET, OBSERVED);

        assertThat(TopicKeys.pod(snapshot)).isEqualTo("prod-us-east-1/inference/triton-79569cfbbc-m2wcc");
        assertThat(snapshot.getObservedAt()).isEqualTo(OBSERVED);
        assertThat(snapshot.getOwners()).extracting(OwnerRef::getKind, OwnerRef::getName)
                .containsExactly(tuple("ReplicaSet", "triton-79569cfbbc"), tuple("Deployment", "triton"));
        assertThat(snapshot.getNodeName()).isEqualTo("ip-10-0-1-149.ec2.internal");
        assertThat(snapshot.getContainers()).singleElement().satisfies(triton -> {
            assertThat(triton.getState().getKind()).isEqualTo("waiting");
            assertThat(triton.getState().getReason()).isEqualTo("ImagePullBackOff");
            assertThat(triton.getRequests()).containsEntry("nvidia.com/gpu", "1").containsEntry("memory", "8Gi");
        });
        assertThat(snapshot.getInitContainers()).singleElement().satisfies(sync ->
                assertThat(sync.getState().getReason()).isEqualTo("Completed"));
        assertThat(snapshot.getTolerations()).extracting(t -> t.getKey()).containsExactly("nvidia.com/gpu");
        assertThat(snapshot.toString()).doesNotContain("must-never-be-shipped");
    }

    @Test
    void podSeenBeforeItsReplicaSetStillNamesTheDeployment() {
        PodSnapshot snapshot = KubeObjects.pod(ObjectJson.of(workloadPod()), "c", OwnerLookup.NONE, OBSERVED);

        assertThat(snapshot.getOwners()).extracting(OwnerRef::getKind, OwnerRef::getName)
                .containsExactly(tuple("ReplicaSet", "triton-79569cfbbc"), tuple("Deployment", "triton"));
    }

    @Test
    void eventsK8sIoV1EventKeyedByItsRegardingObject() {
        var event = Serialization.unmarshal(fixture("events-v1-backoff.yaml"), io.fabric8.kubernetes.api.model.events.v1.Event.class);

        KubeEvent mapped = KubeObjects.event(ObjectJson.of(event), "prod-us-east-1");

        assertThat(TopicKeys.event(mapped)).isEqualTo("prod-us-east-1/inference/Pod/triton-79569cfbbc-m2wcc");
        assertThat(mapped.getApiVersion()).isEqualTo("events.k8s.io/v1");
        assertThat(mapped.getReason()).isEqualTo("BackOff");
        assertThat(mapped.getMessage()).startsWith("Back-off pulling image");
        assertThat(mapped.getInvolvedObject().getFieldPath()).isEqualTo("spec.containers{triton}");
        assertThat(mapped.getReportingInstance()).isEqualTo("ip-10-0-1-149.ec2.internal");
        assertThat(Shipper.eventTime(mapped, OBSERVED)).isEqualTo(Instant.parse("2025-03-14T10:02:09Z"));
    }

    @Test
    void coreEventWithTheVerbatimDiskFullMessage() {
        Event event = Serialization.unmarshal(fixture("event-failed-pull.yaml"), Event.class);

        KubeEvent mapped = KubeObjects.event(ObjectJson.of(event), "prod-us-east-1");

        assertThat(mapped.getApiVersion()).isEqualTo("v1");
        assertThat(mapped.getUid()).isEqualTo("0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d");
        assertThat(mapped.getMessage()).endsWith("no space left on device");
        assertThat(mapped.getCount()).isEqualTo(1);
        assertThat(mapped.getReportingComponent()).isEqualTo("kubelet");
    }

    @Test
    void eventWithoutInvolvedObjectIsMalformed() {
        Event event = Serialization.unmarshal(fixture("event-core-malformed.yaml"), Event.class);

        assertThatThrownBy(() -> KubeObjects.event(ObjectJson.of(event), "c")).isInstanceOf(MalformedObjectException.class);
    }

    @Test
    void gpuNodeWithTaintAndCapacity() {
        Node node = Serialization.unmarshal(fixture("node.yaml"), Node.class);

        NodeSnapshot mapped = KubeObjects.node(ObjectJson.of(node), "prod-us-east-1", OBSERVED);

        assertThat(TopicKeys.node(mapped)).isEqualTo("prod-us-east-1/ip-10-0-1-149.ec2.internal");
        assertThat(mapped.getCapacity()).containsEntry("nvidia.com/gpu", "1");
        assertThat(mapped.getAllocatable()).containsEntry("cpu", "3920m");
        assertThat(mapped.getTaints()).extracting(t -> t.getKey(), t -> t.getEffect()).containsExactly(tuple("nvidia.com/gpu", "NoSchedule"));
        assertThat(mapped.getConditions()).extracting(c -> c.getType()).contains("Ready", "DiskPressure");
        assertThat(mapped.getKubeletVersion()).isEqualTo("v1.31.4-eks-aeac579");
    }

    @Test
    void aHeartbeatLeavesTheNodeFingerprintAlone() {
        Node node = Serialization.unmarshal(fixture("node.yaml"), Node.class);
        Node beat = Serialization.unmarshal(fixture("node.yaml"), Node.class);
        beat.getStatus().getConditions().forEach(c -> c.setLastHeartbeatTime("2025-03-14T10:05:00Z"));
        beat.getMetadata().setResourceVersion("4242");

        assertThat(fingerprint(beat)).isEqualTo(fingerprint(node));
        beat.getSpec().setUnschedulable(true);
        assertThat(fingerprint(beat)).isNotEqualTo(fingerprint(node));
    }

    @Test
    void leanStoreDropsManagedFieldsAndLastApplied() {
        Pod pod = workloadPod();
        pod.getMetadata().setManagedFields(java.util.List.of(new ManagedFieldsEntryBuilder().withManager("kubelet").withOperation("Update").build()));
        pod.getMetadata().setAnnotations(new java.util.HashMap<>(java.util.Map.of(LeanItemStore.LAST_APPLIED, "{\"kind\":\"Pod\"}", "keep", "me")));

        LeanItemStore<Pod> store = new LeanItemStore<>();
        store.put(store.getKey(pod), pod);

        Pod cached = store.get("inference/triton-79569cfbbc-m2wcc");
        assertThat(cached.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(cached.getMetadata().getAnnotations()).containsOnlyKeys("keep");
    }

    private static long fingerprint(Node node) {
        NodeSnapshot mapped = KubeObjects.node(ObjectJson.of(node), "c", OBSERVED);
        return ShippedState.fingerprint(mapped);
    }

    /**
     * {@link ObjectJson#of} copies fabric8's own tree instead of writing and re-reading its JSON text: the same tree,
     * node types and field order included, for every object the fixtures hold (the workload's Deployment, ReplicaSet,
     * Pod and their statuses, the Node with its status patches, core and events.k8s.io Events, a PodGroup custom
     * resource), so the mapping and the recordings written from it do not change.
     */
    @Test
    void theCopiedTreeIsTheTreeOfTheObjectsText() {
        java.util.List<io.fabric8.kubernetes.api.model.HasMetadata> objects = new java.util.ArrayList<>(
                Serialization.unmarshal(fixture("workload.yaml"), KubernetesList.class).getItems());
        Pod pod = workloadPod();
        for (String status : java.util.List.of("pod-image-pull-backoff.json", "pod-crash-loop.json")) {
            Pod patched = Serialization.clone(pod);
            patched.setStatus(Serialization.unmarshal(ObjectJson.parse(fixture(status)).get(0).get("value").toString(),
                    io.fabric8.kubernetes.api.model.PodStatus.class));
            patched.getMetadata().setManagedFields(java.util.List.of(new ManagedFieldsEntryBuilder().withManager("kubelet")
                    .withOperation("Update").withTime("2025-03-14T10:02:09Z").build()));
            objects.add(patched);
        }
        Node node = Serialization.unmarshal(fixture("node.yaml"), Node.class);
        objects.add(node);
        for (String conditions : java.util.List.of("node-disk-pressure.json", "node-heartbeat.json")) {
            Node patched = Serialization.clone(node);
            patched.getStatus().setConditions(Serialization.unmarshal(ObjectJson.parse(fixture(conditions)).get(0)
                    .get("value").toString(), new tools.jackson.core.type.TypeReference<
                    java.util.List<io.fabric8.kubernetes.api.model.NodeCondition>>() { }));
            objects.add(patched);
        }
        for (String event : java.util.List.of("event-failed-pull.yaml", "event-core-failed-create.yaml")) {
            objects.add(Serialization.unmarshal(fixture(event), Event.class));
        }
        objects.add(Serialization.unmarshal(fixture("events-v1-backoff.yaml"), io.fabric8.kubernetes.api.model.events.v1.Event.class));
        objects.add(Serialization.unmarshal(fixture("podgroup-coscheduling.yaml"),
                io.fabric8.kubernetes.api.model.GenericKubernetesResource.class));

        assertThat(objects).hasSizeGreaterThanOrEqualTo(10).allSatisfy(object -> {
            assertThat(ObjectJson.of(object)).isEqualTo(ObjectJson.viaText(object));
            assertThat(ObjectJson.of(object).toString()).isEqualTo(ObjectJson.viaText(object).toString());
        });
    }

    static Pod workloadPod() {
        KubernetesList list = Serialization.unmarshal(fixture("workload.yaml"), KubernetesList.class);
        return list.getItems().stream().filter(Pod.class::isInstance).map(Pod.class::cast).findFirst().orElseThrow();
    }

    static String fixture(String name) {
        try (InputStream in = LiveMappingTest.class.getResourceAsStream("/kubectl/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
