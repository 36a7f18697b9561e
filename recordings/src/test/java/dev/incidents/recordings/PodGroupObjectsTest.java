package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.schemas.Condition;
import dev.incidents.schemas.OwnerRef;
import dev.incidents.schemas.PodGroupSnapshot;
import dev.incidents.schemas.PodSetCount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.incidents.recordings.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class PodGroupObjectsTest {
    private static final String CLUSTER = "prod-us-east-1";
    private static final Instant NOW = Instant.parse("2025-03-14T10:05:00Z");

    /** One row per scheduler, from the object as its API server serves it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            // fixture                    | apiVersion                    | kind     | namespace | owner                    | queue      | min | phase      | running | time
            "podgroup-volcano.json        | scheduling.volcano.sh/v1beta1 | PodGroup | training  | Job/qwen-72b-pretrain    | training   | 4   | Running    | 3       | 2025-03-14T10:01:51Z",
            "podgroup-coscheduling.json   | scheduling.x-k8s.io/v1alpha1  | PodGroup | training  | PyTorchJob/llama-70b-ft  | -          | 4   | Scheduling | 2       | 2025-03-14T10:00:12Z",
            "workload-kueue.json          | kueue.x-k8s.io/v1beta1        | Workload | research  | Job/mistral-7b-eval      | user-queue | 4   | -          | -       | 2025-03-14T10:00:01Z",
    })
    void mapsEachSchedulersGangObjectIntoOneShape(String fixture, String apiVersion, String kind, String namespace,
                                                  String owner, String queue, Integer minMember, String phase,
                                                  Integer running, String time) {
        JsonNode object = json("objects/" + fixture);

        PodGroupSnapshot group = PodGroupObjects.podGroup(object, CLUSTER, null);

        assertThat(group.getCluster()).isEqualTo(CLUSTER);
        assertThat(group.getApiVersion()).isEqualTo(apiVersion);
        assertThat(group.getKind()).isEqualTo(kind);
        assertThat(group.getNamespace()).isEqualTo(namespace);
        assertThat(group.getName()).isEqualTo(object.at("/metadata/name").asText());
        assertThat(group.getUid()).isEqualTo(object.at("/metadata/uid").asText());
        assertThat(group.getOwners()).extracting(o -> o.getKind() + "/" + o.getName()).containsExactly(owner);
        assertThat(group.getQueue()).isEqualTo(queue);
        assertThat(group.getMinMember()).isEqualTo(minMember);
        assertThat(group.getPhase()).isEqualTo(phase);
        assertThat(group.getRunning()).isEqualTo(running);
        assertThat(group.getObservedAt()).isEqualTo(Instant.parse(time));
        assertThat(PodGroupObjects.podGroup(object, CLUSTER, NOW).getObservedAt()).isEqualTo(NOW);
    }

    @Test
    void volcanoKeepsItsVerdictAndItsTaskMinimums() {
        PodGroupSnapshot group = PodGroupObjects.podGroup(json("objects/podgroup-volcano.json"), CLUSTER, null);

        assertThat(group.getPodSets()).extracting(PodSetCount::getName, PodSetCount::getCount).containsExactly(tuple("worker", 4));
        assertThat(group.getConditions()).extracting(Condition::getType, Condition::getStatus, Condition::getReason)
                .containsExactly(tuple("Scheduled", "True", "tasks in gang are ready to be scheduled"),
                        tuple("Unschedulable", "True", "NotEnoughResources"));
        assertThat(group.getConditions().get(1).getMessage()).startsWith("1/4 tasks in gang unschedulable");
        assertThat(group.getOwners().get(0).getUid()).isEqualTo("7c1e4f0a-2b9d-4e61-8f3a-5d0c9b7e1a24");
        assertThat(group.getOwners().get(0).getController()).isTrue();
    }

    @Test
    void kueueCountsThePodsAdmittedAndKeepsItsConditions() {
        PodGroupSnapshot workload = PodGroupObjects.podGroup(json("objects/workload-kueue.json"), CLUSTER, null);

        assertThat(workload.getClusterQueue()).isEqualTo("gpu-cluster-queue");
        assertThat(workload.getPodSets()).extracting(PodSetCount::getName, PodSetCount::getCount, PodSetCount::getAdmitted)
                .containsExactly(tuple("main", 4, 4));
        assertThat(workload.getConditions()).extracting(Condition::getType, Condition::getStatus)
                .containsExactly(tuple("QuotaReserved", "True"), tuple("Admitted", "True"), tuple("PodsReady", "False"));
    }

    @Test
    void aPartialKueueAdmissionIsTheGangSizeAndBeforeAdmissionThePodSetsAre() {
        ObjectNode workload = (ObjectNode) json("objects/workload-kueue.json");
        ObjectNode second = ((ObjectNode) workload.at("/spec/podSets/0")).deepCopy();
        second.put("name", "workers").put("count", 8).put("minCount", 4);
        ((com.fasterxml.jackson.databind.node.ArrayNode) workload.at("/spec/podSets")).add(second);
        ObjectNode admitted = ((ObjectNode) workload.at("/status/admission/podSetAssignments/0")).deepCopy();
        admitted.put("name", "workers").put("count", 6);
        ((com.fasterxml.jackson.databind.node.ArrayNode) workload.at("/status/admission/podSetAssignments")).add(admitted);

        PodGroupSnapshot partly = PodGroupObjects.podGroup(workload, CLUSTER, null);
        assertThat(partly.getPodSets()).extracting(PodSetCount::getName, PodSetCount::getCount, PodSetCount::getMinCount,
                PodSetCount::getAdmitted).containsExactly(tuple("main", 4, null, 4), tuple("workers", 8, 4, 6));
        assertThat(partly.getMinMember()).isEqualTo(10);

        ((ObjectNode) workload).remove("status");
        PodGroupSnapshot queued = PodGroupObjects.podGroup(workload, CLUSTER, null);
        assertThat(queued.getMinMember()).isEqualTo(12);
        assertThat(queued.getClusterQueue()).isNull();
        assertThat(queued.getConditions()).isEmpty();
    }

    @Test
    void aGroupWithoutStatusYetAndOwnersOtherThanTheController() {
        JsonNode fresh = Fixtures.parse("""
                {"apiVersion":"scheduling.volcano.sh/v1beta1","kind":"PodGroup","metadata":{"name":"podgroup-3c1e",
                 "namespace":"default","creationTimestamp":"2025-03-14T10:00:00Z","ownerReferences":[
                 {"apiVersion":"v1","kind":"ConfigMap","name":"not-the-controller","uid":"1"},
                 {"apiVersion":"apps/v1","kind":"ReplicaSet","name":"vllm-6d4b9c7f58","uid":"2","controller":true}]},
                 "spec":{"minMember":1}}""");

        PodGroupSnapshot group = PodGroupObjects.podGroup(fresh, CLUSTER, null);

        assertThat(group.getOwners()).extracting(OwnerRef::getKind).containsExactly("ReplicaSet", "ConfigMap");
        assertThat(group.getPhase()).isNull();
        assertThat(group.getRunning()).isNull();
        assertThat(group.getQueue()).isNull();
        assertThat(group.getObservedAt()).isEqualTo(Instant.parse("2025-03-14T10:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({
            "scheduling.volcano.sh/v1beta1, PodGroup, true",
            "scheduling.x-k8s.io/v1alpha1, PodGroup, true",
            "scheduling.sigs.k8s.io/v1alpha1, PodGroup, true",
            "kueue.x-k8s.io/v1beta1, Workload, true",
            "kueue.x-k8s.io/v1beta2, Workload, true",
            "scheduling.k8s.io/v1alpha1, Workload, false",
            "scheduling.run.ai/v2alpha2, PodGroup, false",
            "kueue.x-k8s.io/v1beta1, ClusterQueue, false",
    })
    void onlyTheThreeSchedulersObjectsAreGangObjects(String apiVersion, String kind, boolean gang) {
        assertThat(PodGroupObjects.isGangObject(apiVersion, kind)).isEqualTo(gang);
    }

    @Test
    void anObjectWithoutNameOrTimeIsMalformed() {
        assertThatThrownBy(() -> PodGroupObjects.podGroup(Fixtures.parse(
                "{\"apiVersion\":\"kueue.x-k8s.io/v1beta1\",\"kind\":\"Workload\",\"metadata\":{}}"), CLUSTER, NOW))
                .isInstanceOf(MalformedObjectException.class).hasMessageContaining("metadata.name");
        assertThatThrownBy(() -> PodGroupObjects.podGroup(Fixtures.parse(
                "{\"apiVersion\":\"kueue.x-k8s.io/v1beta1\",\"kind\":\"Workload\",\"metadata\":{\"name\":\"w\"}}"), CLUSTER, null))
                .isInstanceOf(MalformedObjectException.class).hasMessageContaining("no timestamp");
    }

    /** Volcano names a member's PodGroup by an annotation where no label does (Kubeflow, LeaderWorkerSet). */
    @Test
    void aMemberKnownOnlyByItsAnnotationKeepsItsGroupNameBothWays() {
        JsonNode member = json("objects/pod-volcano-annotated-member.json");

        assertThat(KubeObjects.pod(member, CLUSTER, OwnerLookup.NONE, NOW).getGroupName()).isEqualTo("llama-70b-ft");
        String line = "{\"time\":\"2025-03-14T10:02:00Z\",\"type\":\"MODIFIED\",\"object\":" + member + "}\n";
        for (boolean streaming : List.of(true, false)) {
            List<Recorded> read = StreamingMapperTest.read("member.jsonl", line, streaming).records();
            assertThat(((dev.incidents.schemas.PodSnapshot) read.get(0).value()).getGroupName()).as("streaming %s", streaming)
                    .isEqualTo("llama-70b-ft");
        }
        ObjectNode unannotated = ((ObjectNode) member).deepCopy();
        ((ObjectNode) unannotated.get("metadata")).remove("annotations");
        assertThat(KubeObjects.pod(unannotated, CLUSTER, OwnerLookup.NONE, NOW).getGroupName()).isNull();
    }

    /** Replay reads them as every other object: a {@code kind: List}, watch lines with a tombstone on delete. */
    @Test
    void replayReadsAListOfThemAndWatchLinesWithDeletes() {
        String list = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[" + json("objects/podgroup-volcano.json") + ","
                + json("objects/podgroup-coscheduling.json") + "," + json("objects/workload-kueue.json") + ","
                + "{\"apiVersion\":\"scheduling.run.ai/v2alpha2\",\"kind\":\"PodGroup\",\"metadata\":{\"name\":\"other\","
                + "\"namespace\":\"x\",\"creationTimestamp\":\"2025-03-14T09:00:00Z\"}}]}";
        List<Rejection> rejections = new ArrayList<>();

        List<Recorded> listed = Recordings.read("podgroups.json", list, new ReadOptions("test", NOW), rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(listed).extracting(Recorded::kind, Recorded::key, Recorded::time).containsExactly(
                tuple(Recorded.Kind.PODGROUP, "test/research/job-mistral-7b-eval-6a0f3", Instant.parse("2025-03-14T10:00:01Z")),
                tuple(Recorded.Kind.PODGROUP, "test/training/llama-70b-ft", Instant.parse("2025-03-14T10:00:12Z")),
                tuple(Recorded.Kind.PODGROUP, "test/training/qwen-72b-pretrain-7c1e4f0a-2b9d-4e61-8f3a-5d0c9b7e1a24",
                        Instant.parse("2025-03-14T10:01:51Z")));

        String watch = "{\"time\":\"2025-03-14T10:02:00Z\",\"type\":\"MODIFIED\",\"object\":" + json("objects/podgroup-coscheduling.json") + "}\n"
                + "{\"time\":\"2025-03-14T10:09:00Z\",\"type\":\"DELETED\",\"object\":" + json("objects/podgroup-coscheduling.json") + "}\n";
        List<Recorded> lines = Recordings.read("podgroups.jsonl", watch, new ReadOptions("test", NOW), rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(lines).extracting(Recorded::key, Recorded::time, Recorded::isTombstone).containsExactly(
                tuple("test/training/llama-70b-ft", Instant.parse("2025-03-14T10:02:00Z"), false),
                tuple("test/training/llama-70b-ft", Instant.parse("2025-03-14T10:09:00Z"), true));
        assertThat(((PodGroupSnapshot) lines.get(0).value()).getMinMember()).isEqualTo(4);
    }
}
