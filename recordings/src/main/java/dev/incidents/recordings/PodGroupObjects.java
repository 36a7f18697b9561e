package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidents.schemas.Condition;
import dev.incidents.schemas.OwnerRef;
import dev.incidents.schemas.PodGroupSnapshot;
import dev.incidents.schemas.PodSetCount;
import dev.incidents.schemas.TopicKeys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.incidents.recordings.JsonFields.at;
import static dev.incidents.recordings.JsonFields.bool;
import static dev.incidents.recordings.JsonFields.firstNonNull;
import static dev.incidents.recordings.JsonFields.integer;
import static dev.incidents.recordings.JsonFields.objects;
import static dev.incidents.recordings.JsonFields.text;
import static dev.incidents.recordings.JsonFields.time;

/**
 * The gang objects of the three schedulers that place a multi-pod job all or nothing, mapped to
 * {@link PodGroupSnapshot}: Volcano's PodGroup ({@code scheduling.volcano.sh}), the scheduler-plugins coscheduling
 * PodGroup ({@code scheduling.x-k8s.io}, before v0.24 {@code scheduling.sigs.k8s.io}) and Kueue's Workload
 * ({@code kueue.x-k8s.io}). One mapping for the shipper (a fabric8 {@code GenericKubernetesResource} as JSON) and for
 * replay (a recording's line, a {@code kind: List} item), as {@link KubeObjects} is for Pods and Nodes.
 *
 * <p>The group is matched, not the version: Kueue serves v1beta1 and v1beta2 with the same fields read here. A
 * {@code PodGroup} or {@code Workload} of any other group (Kubernetes 1.35's own {@code scheduling.k8s.io} Workload
 * API, another scheduler's PodGroup) is not one of these and maps to nothing.
 */
public final class PodGroupObjects {
    private static final List<String> POD_GROUP_GROUPS = List.of("scheduling.volcano.sh", "scheduling.x-k8s.io",
            "scheduling.sigs.k8s.io");
    private static final String KUEUE_GROUP = "kueue.x-k8s.io";

    private PodGroupObjects() {
    }

    /** Whether {@code apiVersion}/{@code kind} is one of the gang objects mapped here. */
    public static boolean isGangObject(String apiVersion, String kind) {
        String group = apiVersion == null || !apiVersion.contains("/") ? "" : apiVersion.substring(0, apiVersion.indexOf('/'));
        return "PodGroup".equals(kind) && POD_GROUP_GROUPS.contains(group)
                || "Workload".equals(kind) && KUEUE_GROUP.equals(group);
    }

    /**
     * A gang object's analysis-relevant state; {@code observedAt} null means the latest time written in the object
     * ({@link #podGroupTime}).
     */
    public static PodGroupSnapshot podGroup(JsonNode object, String cluster, Instant observedAt) {
        if (object == null || !object.isObject()) {
            throw new MalformedObjectException("PodGroup is not a JSON object");
        }
        String kind = text(object, "kind");
        String apiVersion = text(object, "apiVersion");
        if (!isGangObject(apiVersion, kind)) {
            throw new MalformedObjectException(apiVersion + " " + kind + " is not a Volcano or coscheduling PodGroup nor a Kueue Workload");
        }
        String name = KubeObjects.requireName(object, kind);
        String namespace = firstNonNull(text(object, "metadata", "namespace"), "default");
        Instant at = observedAt != null ? observedAt : podGroupTime(object)
                .orElseThrow(() -> new MalformedObjectException(kind + " " + name + " carries no timestamp and no observation time"));
        JsonNode spec = at(object, "spec");
        JsonNode status = at(object, "status");
        boolean kueue = "Workload".equals(kind);
        List<PodSetCount> podSets = kueue ? kueuePodSets(spec, status) : volcanoTaskMinimums(spec);
        return PodGroupSnapshot.newBuilder()
                .setCluster(cluster)
                .setNamespace(namespace)
                .setName(name)
                .setUid(text(object, "metadata", "uid"))
                .setApiVersion(apiVersion)
                .setKind(kind)
                .setObservedAt(at)
                .setCreationTimestamp(time(object, "metadata", "creationTimestamp"))
                .setOwners(owners(object))
                .setQueue(kueue ? text(spec, "queueName") : text(spec, "queue"))
                .setClusterQueue(kueue ? text(status, "admission", "clusterQueue") : null)
                .setMinMember(kueue ? kueueMinMember(podSets) : integer(spec, "minMember"))
                .setPodSets(podSets)
                .setPhase(text(status, "phase"))
                .setRunning(integer(status, "running"))
                .setSucceeded(integer(status, "succeeded"))
                .setFailed(integer(status, "failed"))
                .setConditions(conditions(status))
                .build();
    }

    /**
     * The latest time written in the object: creation, condition transitions, coscheduling's
     * {@code scheduleStartTime}, deletion.
     */
    public static Optional<Instant> podGroupTime(JsonNode object) {
        Instant latest = KubeObjects.latest(time(object, "metadata", "creationTimestamp"),
                time(object, "metadata", "deletionTimestamp"), time(object, "status", "scheduleStartTime"));
        for (JsonNode condition : objects(object, "status", "conditions")) {
            latest = KubeObjects.latest(latest, time(condition, "lastTransitionTime"));
        }
        return Optional.ofNullable(latest);
    }

    /** A recorded gang object as a record for {@code k8s.podgroups}; null for a PodGroup of another scheduler. */
    static Recorded record(RawObject raw, ReadOptions options) {
        JsonNode object = raw.object();
        String kind = text(object, "kind");
        if (!isGangObject(text(object, "apiVersion"), kind)) {
            return null;
        }
        if ("DELETED".equals(raw.watchType())) {
            String name = KubeObjects.requireName(object, kind);
            String namespace = firstNonNull(text(object, "metadata", "namespace"), "default");
            Instant time = KubeObjects.firstNonNullTime(raw.lineTime(), time(object, "metadata", "deletionTimestamp"),
                    podGroupTime(object).orElse(null), options.now());
            return new Recorded(time, Recorded.Kind.PODGROUP, TopicKeys.podGroup(raw.cluster(), namespace, name), null,
                    raw.file(), raw.line());
        }
        Instant time = KubeObjects.firstNonNullTime(raw.lineTime(), podGroupTime(object).orElse(null), options.now());
        PodGroupSnapshot group = podGroup(object, raw.cluster(), time);
        return new Recorded(time, Recorded.Kind.PODGROUP, TopicKeys.podGroup(group), group, raw.file(), raw.line());
    }

    /** The object's owner references, the controller first (Volcano, Kubeflow and Kueue set exactly one). */
    private static List<OwnerRef> owners(JsonNode object) {
        List<OwnerRef> owners = new ArrayList<>();
        for (JsonNode ref : objects(object, "metadata", "ownerReferences")) {
            String kind = text(ref, "kind");
            String name = text(ref, "name");
            if (kind == null || name == null) {
                continue;
            }
            OwnerRef owner = OwnerRef.newBuilder().setKind(kind).setName(name).setUid(text(ref, "uid"))
                    .setController(bool(ref, "controller")).build();
            if (owner.getController()) {
                owners.add(0, owner);
            } else {
                owners.add(owner);
            }
        }
        return owners;
    }

    /** Volcano's {@code spec.minTaskMember}: per task (role) the members that must run, e.g. {@code worker: 4}. */
    private static List<PodSetCount> volcanoTaskMinimums(JsonNode spec) {
        List<PodSetCount> tasks = new ArrayList<>();
        JsonNode minimums = at(spec, "minTaskMember");
        if (minimums != null && minimums.isObject()) {
            minimums.fieldNames().forEachRemaining(task -> {
                Integer count = integer(minimums, task);
                if (count != null) {
                    tasks.add(PodSetCount.newBuilder().setName(task).setCount(count).build());
                }
            });
        }
        return tasks;
    }

    /**
     * Kueue's {@code spec.podSets} with what admission gave each ({@code status.admission.podSetAssignments[].count},
     * which Kueue writes since v0.5; a partial admission gives fewer than {@code count}, down to {@code minCount}).
     */
    private static List<PodSetCount> kueuePodSets(JsonNode spec, JsonNode status) {
        Map<String, Integer> admitted = new HashMap<>();
        for (JsonNode assignment : objects(status, "admission", "podSetAssignments")) {
            String name = firstNonNull(text(assignment, "name"), "main");
            Integer count = integer(assignment, "count");
            if (count != null) {
                admitted.put(name, count);
            }
        }
        List<PodSetCount> podSets = new ArrayList<>();
        for (JsonNode podSet : objects(spec, "podSets")) {
            // the API defaults both: a podSet without a name is "main", without a count 1
            String name = firstNonNull(text(podSet, "name"), "main");
            Integer count = integer(podSet, "count");
            podSets.add(PodSetCount.newBuilder().setName(name).setCount(count == null ? 1 : count)
                    .setMinCount(integer(podSet, "minCount")).setAdmitted(admitted.get(name)).build());
        }
        return podSets;
    }

    /**
     * A Workload's gang size: with {@code waitForPodsReady} Kueue wants every admitted pod ready, so the pods admitted
     * (a partial admission's smaller count), else the podSets' counts.
     */
    private static Integer kueueMinMember(List<PodSetCount> podSets) {
        if (podSets.isEmpty()) {
            return null;
        }
        int sum = 0;
        for (PodSetCount podSet : podSets) {
            sum += podSet.getAdmitted() != null ? podSet.getAdmitted() : podSet.getCount();
        }
        return sum;
    }

    private static List<Condition> conditions(JsonNode status) {
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode c : objects(status, "conditions")) {
            String type = text(c, "type");
            if (type != null) {
                conditions.add(KubeObjects.condition(type, text(c, "status"), text(c, "reason"), text(c, "message"),
                        time(c, "lastTransitionTime")));
            }
        }
        return conditions;
    }
}
