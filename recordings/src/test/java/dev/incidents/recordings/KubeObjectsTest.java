package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.ContainerState;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.ObjectRef;
import dev.incidents.schemas.OwnerRef;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.Probe;
import dev.incidents.schemas.Taint;
import dev.incidents.schemas.Toleration;
import dev.incidents.schemas.TopicKeys;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static dev.incidents.recordings.Fixtures.json;
import static dev.incidents.recordings.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeObjectsTest {
    private static final String CLUSTER = "prod-us-east-1";

    @Nested
    class Events {
        @ParameterizedTest(name = "{0}")
        @CsvSource(nullValues = "-", delimiter = '|', value = {
                // fixture                          | api               | kind | name                       | ns          | reason             | count | component          | instance                                    | first                    | last                      | eventTime
                "event-core-v1-failed-pull.json     | v1                | Pod  | triton-79569cfbbc-m2wcc    | inference   | Failed             | 1     | kubelet            | ip-10-0-1-149.ec2.internal                  | 2025-03-14T10:02:08Z     | 2025-03-14T10:02:08Z      | -",
                "event-core-v1-backoff-legacy.json  | v1                | Pod  | vllm-6d4b9c7f58-x2kzq      | llm         | BackOff            | 37    | kubelet            | gpu-node-7                                  | 2025-03-14T09:41:12Z     | 2025-03-14T10:05:40Z      | -",
                "event-events-v1-scheduled.json     | events.k8s.io/v1  | Pod  | some-pod                   | test-530513 | Scheduled          | 1     | default-scheduler  | -                                           | 2023-02-16T18:25:07Z     | 2023-02-16T18:25:07Z      | -",
                "event-events-v1-series.json        | events.k8s.io/v1  | Pod  | triton-5fc797b8f8-9qvzt    | inference   | FailedScheduling   | 12    | default-scheduler  | default-scheduler-ip-10-0-0-12.ec2.internal | -                        | 2025-03-14T10:29:41.902Z  | 2025-03-14T10:00:03.418Z",
                "event-node-pressure.json           | v1                | Node | ip-10-0-1-149.ec2.internal | default     | FreeDiskSpaceFailed| 3     | kubelet            | ip-10-0-1-149.ec2.internal                  | 2025-03-14T09:58:00Z     | 2025-03-14T10:03:00Z      | -",
        })
        void mapsBothEventApisIntoOneShape(String fixture, String api, String kind, String name, String namespace,
                                            String reason, int count, String component, String instance,
                                            String first, String last, String eventTime) {
            KubeEvent event = KubeObjects.event(json("objects/" + fixture), CLUSTER);

            assertThat(event.getCluster()).isEqualTo(CLUSTER);
            assertThat(event.getApiVersion()).isEqualTo(api);
            assertThat(event.getInvolvedObject().getKind()).isEqualTo(kind);
            assertThat(event.getInvolvedObject().getName()).isEqualTo(name);
            assertThat(event.getNamespace()).isEqualTo(namespace);
            assertThat(event.getReason()).isEqualTo(reason);
            assertThat(event.getMessage()).isNotBlank();
            assertThat(event.getCount()).isEqualTo(count);
            assertThat(event.getReportingComponent()).isEqualTo(component);
            assertThat(event.getReportingInstance()).isEqualTo(instance);
            assertThat(event.getFirstTimestamp()).isEqualTo(first == null ? null : Instant.parse(first));
            assertThat(event.getLastTimestamp()).isEqualTo(last == null ? null : Instant.parse(last));
            assertThat(event.getEventTime()).isEqualTo(eventTime == null ? null : Instant.parse(eventTime));
        }

        @Test
        void coreEventKeepsTheWholeInvolvedObjectAndTheVerbatimMessage() {
            KubeEvent event = KubeObjects.event(json("objects/event-core-v1-failed-pull.json"), CLUSTER);

            assertThat(event.getInvolvedObject()).isEqualTo(ObjectRef.newBuilder().setApiVersion("v1").setKind("Pod")
                    .setNamespace("inference").setName("triton-79569cfbbc-m2wcc")
                    .setUid("0b8f2c6e-4a5d-4f0e-9b1c-2f7d8e6a1c33").setFieldPath("spec.containers{triton}").build());
            assertThat(event.getMessage()).endsWith("NsightCompute.pdf: no space left on device");
            assertThat(event.getType()).isEqualTo("Warning");
            assertThat(event.getUid()).isEqualTo("5c1e9d0a-7b7e-4a53-a0c2-6a3d2f1b9e10");
            assertThat(TopicKeys.event(event)).isEqualTo("prod-us-east-1/inference/Pod/triton-79569cfbbc-m2wcc");
            assertThat(KubeObjects.eventTime(event)).isEqualTo(Instant.parse("2025-03-14T10:02:08Z"));
        }

        @Test
        void eventsApiSeriesUsesNoteActionAndTheLastObservation() {
            KubeEvent event = KubeObjects.event(json("objects/event-events-v1-series.json"), CLUSTER);

            assertThat(event.getMessage()).startsWith("0/4 nodes are available: 4 Insufficient nvidia.com/gpu.");
            assertThat(event.getAction()).isEqualTo("Scheduling");
            assertThat(KubeObjects.eventTime(event)).isEqualTo(Instant.parse("2025-03-14T10:29:41.902Z"));
        }

        @Test
        void eventWithOnlyAnEventTimeIsOrderedByIt() {
            KubeEvent event = KubeObjects.event(parse("""
                    {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"x.1","namespace":"ns"},
                     "eventTime":"2025-03-14T10:00:03.418213+02:00","reason":"Started","note":"Started container a",
                     "regarding":{"kind":"Pod","name":"x","namespace":"ns"},"reportingController":"kubelet",
                     "reportingInstance":"node-1"}"""), CLUSTER);

            assertThat(KubeObjects.eventTime(event)).isEqualTo(Instant.parse("2025-03-14T08:00:03.418Z"));
            assertThat(event.getCount()).isEqualTo(1);
            assertThat(event.getReportingInstance()).isEqualTo("node-1");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"kind\":\"Event\",\"metadata\":{\"name\":\"e\"},\"reason\":\"Failed\"}",
                "{\"kind\":\"Event\",\"metadata\":{\"name\":\"e\"},\"involvedObject\":{\"kind\":\"Pod\"}}",
                "{\"kind\":\"Event\",\"involvedObject\":\"pod/x\"}",
                "{\"kind\":\"Event\",\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"x\"},\"lastTimestamp\":\"yesterday\"}",
                "{\"kind\":\"Event\",\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"x\"},\"count\":\"many\"}",
                "[]",
        })
        void unmappableEventsThrowMalformedWithAReason(String json) {
            assertThatThrownBy(() -> KubeObjects.event(parse(json), CLUSTER))
                    .isInstanceOf(MalformedObjectException.class)
                    .satisfies(e -> assertThat(((MalformedObjectException) e).reason()).isNotBlank());
        }
    }

    @Nested
    class Pods {
        private final Instant observed = Instant.parse("2025-03-14T10:03:09Z");

        @Test
        void imagePullBackOffPodJoinsSpecAndStatus() {
            PodSnapshot pod = KubeObjects.pod(json("objects/pod-image-pull-backoff.json"), CLUSTER, OwnerLookup.NONE, observed);

            assertThat(TopicKeys.pod(pod)).isEqualTo("prod-us-east-1/inference/triton-79569cfbbc-m2wcc");
            assertThat(pod.getObservedAt()).isEqualTo(observed);
            assertThat(pod.getCreationTimestamp()).isEqualTo(Instant.parse("2025-03-14T10:00:00Z"));
            assertThat(pod.getPhase()).isEqualTo("Pending");
            assertThat(pod.getNodeName()).isEqualTo("ip-10-0-1-149.ec2.internal");
            assertThat(pod.getLabels()).containsEntry("app", "triton").containsEntry("pod-template-hash", "79569cfbbc");
            assertThat(pod.getOwners()).containsExactly(
                    OwnerRef.newBuilder().setKind("ReplicaSet").setName("triton-79569cfbbc")
                            .setUid("7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d").setController(true).build(),
                    OwnerRef.newBuilder().setKind("Deployment").setName("triton").setUid(null).setController(true).build());

            Container triton = pod.getContainers().get(0);
            assertThat(triton.getName()).isEqualTo("triton");
            assertThat(triton.getImage()).isEqualTo("478253497479.dkr.ecr.us-east-1.amazonaws.com/triton:resnet50");
            assertThat(triton.getRequests()).isEqualTo(Map.of("cpu", "2", "memory", "8Gi", "nvidia.com/gpu", "1"));
            assertThat(triton.getLimits()).isEqualTo(Map.of("memory", "16Gi", "nvidia.com/gpu", "1"));
            assertThat(triton.getReady()).isFalse();
            assertThat(triton.getStarted()).isFalse();
            assertThat(triton.getState().getKind()).isEqualTo("waiting");
            assertThat(triton.getState().getReason()).isEqualTo("ImagePullBackOff");
            assertThat(triton.getLastState()).isNull();
            assertThat(triton.getProbes()).containsExactly(
                    Probe.newBuilder().setKind("liveness").setHandler("httpGet :8000/v2/health/live").build(),
                    Probe.newBuilder().setKind("readiness").setHandler("httpGet :http/v2/health/ready")
                            .setInitialDelaySeconds(30).build());

            Container init = pod.getInitContainers().get(0);
            assertThat(init.getName()).isEqualTo("sync-models");
            assertThat(init.getState()).isEqualTo(ContainerState.newBuilder().setKind("terminated").setReason("Completed")
                    .setExitCode(0).setStartedAt(Instant.parse("2025-03-14T10:00:01Z"))
                    .setFinishedAt(Instant.parse("2025-03-14T10:00:05Z")).build());

            assertThat(pod.getNodeSelector()).isEqualTo(Map.of("accelerator", "nvidia"));
            assertThat(pod.getAffinity())
                    .isEqualTo("node.kubernetes.io/instance-type In (g5.xlarge, g5.2xlarge), nvidia.com/gpu.present Exists");
            assertThat(pod.getTolerations()).hasSize(3).first().isEqualTo(Toleration.newBuilder()
                    .setKey("nvidia.com/gpu").setOperator("Exists").setEffect("NoSchedule").build());
            assertThat(pod.getTolerations().get(1).getTolerationSeconds()).isEqualTo(300L);
            assertThat(pod.getPvcNames()).containsExactly("triton-models-pvc", "triton-79569cfbbc-m2wcc-scratch");
            assertThat(pod.getConditions()).extracting(c -> c.getType() + "=" + c.getStatus())
                    .containsExactly("Initialized=True", "Ready=False", "ContainersReady=False", "PodScheduled=True");
            assertThat(pod.getServiceAccountName()).isEqualTo("triton");
            assertThat(pod.getSchedulerName()).isEqualTo("default-scheduler");
            assertThat(pod.getQosClass()).isEqualTo("Burstable");
        }

        @Test
        void neverCarriesEnvValuesAnnotationsOrManagedFields() {
            PodSnapshot pod = KubeObjects.pod(json("objects/pod-image-pull-backoff.json"), CLUSTER, OwnerLookup.NONE, observed);

            assertThat(pod.toString()).doesNotContain("wJalrXUtnFEMI", "AWS_SECRET_ACCESS_KEY", "model-registry",
                    "managedFields", "kube-controller-manager", "restartedAt");
        }

        @Test
        void crashLoopAfterOomKillKeepsTheLastTermination() {
            PodSnapshot pod = KubeObjects.pod(json("objects/pod-crashloop-oomkilled.json"), CLUSTER, OwnerLookup.NONE, null);

            Container vllm = pod.getContainers().get(0);
            assertThat(vllm.getRestartCount()).isEqualTo(7);
            assertThat(vllm.getState().getReason()).isEqualTo("CrashLoopBackOff");
            assertThat(vllm.getLastState()).isEqualTo(ContainerState.newBuilder().setKind("terminated")
                    .setReason("OOMKilled").setExitCode(137)
                    .setStartedAt(Instant.parse("2025-03-14T10:03:12Z"))
                    .setFinishedAt(Instant.parse("2025-03-14T10:05:30Z")).build());
            assertThat(vllm.getProbes()).extracting(Probe::getKind, Probe::getHandler, Probe::getPeriodSeconds,
                            Probe::getTimeoutSeconds, Probe::getFailureThreshold, Probe::getSuccessThreshold)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("liveness", "tcpSocket :8000", 10, 1, 3, 1),
                            org.assertj.core.groups.Tuple.tuple("readiness", "exec cat /tmp/ready", 10, 1, 3, 1),
                            org.assertj.core.groups.Tuple.tuple("startup", "httpGet :8000/health", 10, 1, 30, 1));
            // no observation time given: the latest time in the object (the Ready transition) is the event time
            assertThat(pod.getObservedAt()).isEqualTo(Instant.parse("2025-03-14T10:05:31Z"));
            assertThat(pod.getOwners()).extracting(OwnerRef::getKind, OwnerRef::getName).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("ReplicaSet", "vllm-6d4b9c7f58"),
                    org.assertj.core.groups.Tuple.tuple("Deployment", "vllm"));
        }

        @Test
        void evictedCronJobPodResolvesToTheCronJob() {
            PodSnapshot pod = KubeObjects.pod(json("objects/pod-cronjob-evicted.json"), CLUSTER, OwnerLookup.NONE, observed);

            assertThat(pod.getPhase()).isEqualTo("Failed");
            assertThat(pod.getReason()).isEqualTo("Evicted");
            assertThat(pod.getMessage()).startsWith("The node was low on resource: ephemeral-storage.");
            assertThat(pod.getOwners()).extracting(OwnerRef::getKind, OwnerRef::getName).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Job", "nightly-eval-28947360"),
                    org.assertj.core.groups.Tuple.tuple("CronJob", "nightly-eval"));
            assertThat(pod.getContainers()).extracting(Container::getName, Container::getState)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("eval", null));
        }

        @Test
        void ownerLookupWinsOverInferenceAndIsFollowedToTheTop() {
            OwnerLookup lookup = (namespace, kind, name) -> switch (kind + "/" + name) {
                case "ReplicaSet/triton-79569cfbbc" -> Optional.of(OwnerRef.newBuilder().setKind("Deployment")
                        .setName("triton").setUid("d-uid").setController(true).build());
                case "Deployment/triton" -> Optional.of(OwnerRef.newBuilder().setKind("Rollout")
                        .setName("triton-canary").setUid("r-uid").setController(true).build());
                case "Rollout/triton-canary" -> Optional.of(OwnerRef.newBuilder().setKind("ReplicaSet")
                        .setName("triton-79569cfbbc").setUid("cycle").setController(true).build());
                default -> Optional.empty();
            };

            PodSnapshot pod = KubeObjects.pod(json("objects/pod-image-pull-backoff.json"), CLUSTER, lookup, observed);

            assertThat(pod.getOwners()).extracting(OwnerRef::getKind, OwnerRef::getName, OwnerRef::getUid).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("ReplicaSet", "triton-79569cfbbc", "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                    org.assertj.core.groups.Tuple.tuple("Deployment", "triton", "d-uid"),
                    org.assertj.core.groups.Tuple.tuple("Rollout", "triton-canary", "r-uid"));
        }

        @Test
        void replicaSetWhoseNameDoesNotCarryTheTemplateHashIsNotGivenADeployment() {
            ObjectNode pod = (ObjectNode) json("objects/pod-image-pull-backoff.json");
            ((ObjectNode) pod.get("metadata").get("labels")).put("pod-template-hash", "5fc797b8f8");

            assertThat(KubeObjects.pod(pod, CLUSTER, OwnerLookup.NONE, observed).getOwners())
                    .extracting(OwnerRef::getKind).containsExactly("ReplicaSet");
        }

        @Test
        void minimalPodMapsWithDefaults() {
            PodSnapshot pod = KubeObjects.pod(parse("{\"metadata\":{\"name\":\"bare\"}}"), CLUSTER, null, observed);

            assertThat(pod.getNamespace()).isEqualTo("default");
            assertThat(pod.getOwners()).isEmpty();
            assertThat(pod.getContainers()).isEmpty();
            assertThat(pod.getAffinity()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"metadata\":{\"namespace\":\"ns\"}}",
                "{\"metadata\":{\"name\":\"\"}}",
                "{\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"x\"}]}}",
                "{\"metadata\":{\"name\":\"p\",\"creationTimestamp\":\"14/03/2025\"}}",
                "\"a string\"",
        })
        void unmappablePodsThrowMalformed(String json) {
            assertThatThrownBy(() -> KubeObjects.pod(parse(json), CLUSTER, OwnerLookup.NONE, observed))
                    .isInstanceOf(MalformedObjectException.class);
        }

        @Test
        void podWithoutAnyTimeNeedsAnObservationTime() {
            JsonNode pod = parse("{\"metadata\":{\"name\":\"p\"}}");
            assertThatThrownBy(() -> KubeObjects.pod(pod, CLUSTER, OwnerLookup.NONE, null))
                    .isInstanceOf(MalformedObjectException.class).hasMessageContaining("no timestamp");
        }
    }

    @Nested
    class Nodes {
        @Test
        void gpuNodeCarriesLabelsTaintsResourcesAndConditions() {
            NodeSnapshot node = KubeObjects.node(json("objects/node-gpu.json"), CLUSTER, null);

            assertThat(TopicKeys.node(node)).isEqualTo("prod-us-east-1/ip-10-0-1-149.ec2.internal");
            assertThat(node.getLabels()).containsEntry("nvidia.com/gpu.product", "NVIDIA-A10G")
                    .containsEntry("node.kubernetes.io/instance-type", "g5.xlarge").hasSize(7);
            assertThat(node.getTaints()).containsExactly(
                    Taint.newBuilder().setKey("nvidia.com/gpu").setValue("present").setEffect("NoSchedule").build(),
                    Taint.newBuilder().setKey("node.kubernetes.io/disk-pressure").setValue(null).setEffect("NoSchedule").build());
            assertThat(node.getCapacity()).containsEntry("nvidia.com/gpu", "1").containsEntry("ephemeral-storage", "20959212Ki");
            assertThat(node.getAllocatable()).containsEntry("nvidia.com/gpu", "1").containsEntry("cpu", "3920m");
            assertThat(node.getConditions()).extracting(c -> c.getType() + "=" + c.getStatus())
                    .containsExactly("MemoryPressure=False", "DiskPressure=True", "PIDPressure=False", "Ready=True");
            assertThat(node.getUnschedulable()).isFalse();
            assertThat(node.getKubeletVersion()).isEqualTo("v1.29.0-eks-5e0fdde");
            assertThat(node.getContainerRuntimeVersion()).isEqualTo("containerd://1.7.11");
            // the DiskPressure transition, not the heartbeat
            assertThat(node.getObservedAt()).isEqualTo(Instant.parse("2025-03-14T10:01:30Z"));
            assertThat(node.toString()).doesNotContain("controller-managed-attach-detach");
        }

        @Test
        void cordonedNodeIsUnschedulable() {
            NodeSnapshot node = KubeObjects.node(parse("""
                    {"kind":"Node","metadata":{"name":"n1"},"spec":{"unschedulable":true,
                     "taints":[{"key":"node.kubernetes.io/unschedulable","effect":"NoSchedule"}]}}"""),
                    CLUSTER, Instant.EPOCH);

            assertThat(node.getUnschedulable()).isTrue();
            assertThat(node.getCapacity()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"kind\":\"Node\",\"metadata\":{}}",
                "{\"kind\":\"Node\",\"metadata\":{\"name\":\"n\"},\"spec\":{\"taints\":[{\"key\":\"k\"}]}}",
        })
        void unmappableNodesThrowMalformed(String json) {
            assertThatThrownBy(() -> KubeObjects.node(parse(json), CLUSTER, Instant.EPOCH))
                    .isInstanceOf(MalformedObjectException.class);
        }
    }
}
