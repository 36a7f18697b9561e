package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidents.schemas.Condition;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.incidents.recordings.JsonFields.at;
import static dev.incidents.recordings.JsonFields.bool;
import static dev.incidents.recordings.JsonFields.firstNonNull;
import static dev.incidents.recordings.JsonFields.integer;
import static dev.incidents.recordings.JsonFields.longValue;
import static dev.incidents.recordings.JsonFields.objects;
import static dev.incidents.recordings.JsonFields.optionalBool;
import static dev.incidents.recordings.JsonFields.stringMap;
import static dev.incidents.recordings.JsonFields.strings;
import static dev.incidents.recordings.JsonFields.text;
import static dev.incidents.recordings.JsonFields.time;

/**
 * The pure mapping of Kubernetes object JSON (as the API server or {@code kubectl -o json} writes it) to the
 * schema records of DESIGN.md section 3. The shipper calls it on informer objects, replays on recorded ones,
 * so a live stream and its replay produce the same records.
 * <p>
 * What is never copied: env values, annotations (the last-applied configuration holds whole manifests),
 * managedFields, Secret data. Missing or odd fields never throw NullPointerException: an object that cannot be
 * mapped throws {@link MalformedObjectException} with the reason, for the caller to report and skip.
 */
public final class KubeObjects {
    /** Kubernetes' own probe defaults (core/v1 Probe), so a detector compares budgets without re-deriving them. */
    static final int PROBE_PERIOD = 10;
    static final int PROBE_TIMEOUT = 1;
    static final int PROBE_FAILURE = 3;
    static final int PROBE_SUCCESS = 1;
    /** Termination messages can be 4 KiB of a crashing app's log tail; bounded so snapshots stay small. */
    static final int MAX_STATE_MESSAGE = 2048;
    private static final int MAX_OWNER_DEPTH = 8;
    /** Volcano's PodGroup of a pod, as an annotation: the one annotation a snapshot keeps. */
    public static final String GROUP_NAME_ANNOTATION = "scheduling.k8s.io/group-name";
    private static final List<String> CONTAINER_STATUSES = List.of("initContainerStatuses", "containerStatuses");
    private static final List<String> STATES = List.of("state", "lastState");
    private static final List<String> TIMED_STATES = List.of("running", "terminated");

    private KubeObjects() {
    }

    // ---------------------------------------------------------------- events

    /**
     * core/v1 Event and events.k8s.io/v1 Event into one {@link KubeEvent}. The newer API renames fields
     * ({@code regarding}, {@code note}, {@code reportingController}) and keeps the old ones as {@code deprecated*};
     * events written through one API and read through the other carry both, so every spelling is read.
     */
    public static KubeEvent event(JsonNode event, String cluster) {
        requireObject(event, "Event");
        boolean eventsApi = isEventsApi(event);
        JsonNode involved = firstObject(at(event, "involvedObject"), at(event, "regarding"));
        if (involved == null) {
            throw new MalformedObjectException("event without involvedObject/regarding");
        }
        ObjectRef involvedObject = objectRef(involved, "involvedObject");
        JsonNode related = at(event, "related");
        int count = maxOr(1, integer(event, "count"), integer(event, "deprecatedCount"), integer(event, "series", "count"));
        String message = firstNonNull(text(event, "message"), text(event, "note"));
        String reason = text(event, "reason");
        String type = text(event, "type");
        String component = firstNonNull(text(event, "reportingComponent"), text(event, "reportingController"),
                text(event, "source", "component"), text(event, "deprecatedSource", "component"));
        EventsTable.Row told = reason == null && message != null ? QuotedEvent.parse(message, 0, Instant.EPOCH) : null;
        if (told != null) {
            // an Event cut before its reason (kubectl prints its keys in order, and a paste cut inside metadata loses
            // reason, source and type): the message says which event it is, as it does quoted alone
            reason = told.reason();
            type = firstNonNull(type, told.type());
            component = firstNonNull(component, told.from());
        }
        return KubeEvent.newBuilder()
                .setCluster(cluster)
                .setUid(text(event, "metadata", "uid"))
                .setNamespace(firstNonNull(text(event, "metadata", "namespace"), involvedObject.getNamespace()))
                .setName(text(event, "metadata", "name"))
                .setApiVersion(eventsApi ? "events.k8s.io/v1" : "v1")
                .setInvolvedObject(involvedObject)
                // related is optional context (the node of a pod event): an incomplete one is dropped, not fatal
                .setRelated(related != null && text(related, "kind") != null && text(related, "name") != null
                        ? objectRef(related, "related") : null)
                .setReason(reason)
                .setMessage(message)
                .setType(type)
                .setAction(text(event, "action"))
                .setReportingComponent(component)
                .setReportingInstance(firstNonNull(text(event, "reportingInstance"),
                        text(event, "source", "host"), text(event, "deprecatedSource", "host")))
                .setCount(Math.max(count, 1))
                .setFirstTimestamp(firstNonNullTime(time(event, "firstTimestamp"), time(event, "deprecatedFirstTimestamp")))
                // a series bump moves series.lastObservedTime while the deprecated copies may stay at the first
                // occurrence: the latest of them is when the event last happened
                .setLastTimestamp(latest(time(event, "lastTimestamp"), time(event, "deprecatedLastTimestamp"),
                        time(event, "series", "lastObservedTime")))
                .setEventTime(time(event, "eventTime"))
                .build();
    }

    /**
     * When an Event happened, for ordering a replay: lastTimestamp, else series.lastObservedTime, else eventTime,
     * else firstTimestamp; null when the event carries no time at all.
     */
    public static Instant eventTime(KubeEvent event) {
        return firstNonNullTime(event.getLastTimestamp(), event.getEventTime(), event.getFirstTimestamp());
    }

    private static boolean isEventsApi(JsonNode event) {
        String apiVersion = text(event, "apiVersion");
        if (apiVersion != null) {
            return apiVersion.startsWith("events.k8s.io/");
        }
        return at(event, "regarding") != null || at(event, "note") != null;
    }

    private static ObjectRef objectRef(JsonNode ref, String field) {
        String kind = text(ref, "kind");
        String name = text(ref, "name");
        if (kind == null || name == null) {
            throw new MalformedObjectException(field + " without kind or name");
        }
        return ObjectRef.newBuilder()
                .setApiVersion(text(ref, "apiVersion"))
                .setKind(kind)
                .setNamespace(text(ref, "namespace"))
                .setName(name)
                .setUid(text(ref, "uid"))
                .setFieldPath(text(ref, "fieldPath"))
                .build();
    }

    // ---------------------------------------------------------------- pods

    /**
     * A Pod's analysis-relevant state. {@code observedAt} is the event time of the snapshot; when null, the latest
     * time written in the object is used (see {@link #podTime(JsonNode)}).
     */
    public static PodSnapshot pod(JsonNode pod, String cluster, OwnerLookup owners, Instant observedAt) {
        requireObject(pod, "Pod");
        String name = requireName(pod, "Pod");
        // the API server always sets it; hand-written pods without one live in "default", as kubectl would put them
        String namespace = firstNonNull(text(pod, "metadata", "namespace"), "default");
        Instant at = observedAt != null ? observedAt : podTime(pod)
                .orElseThrow(() -> new MalformedObjectException("pod " + name + " carries no timestamp and no observation time"));
        JsonNode spec = at(pod, "spec");
        JsonNode status = at(pod, "status");
        return PodSnapshot.newBuilder()
                .setCluster(cluster)
                .setNamespace(namespace)
                .setName(name)
                .setUid(text(pod, "metadata", "uid"))
                .setObservedAt(at)
                .setCreationTimestamp(time(pod, "metadata", "creationTimestamp"))
                .setDeletionTimestamp(time(pod, "metadata", "deletionTimestamp"))
                .setLabels(stringMap(pod, "metadata", "labels"))
                .setOwners(ownerChain(pod, namespace, owners == null ? OwnerLookup.NONE : owners))
                .setOwnersKnown(ownersKnown(pod))
                .setPhase(text(status, "phase"))
                .setReason(text(status, "reason"))
                .setMessage(text(status, "message"))
                .setNodeName(text(spec, "nodeName"))
                .setConditions(conditions(status))
                .setInitContainers(containers(objects(spec, "initContainers"), objects(status, "initContainerStatuses")))
                .setContainers(containers(objects(spec, "containers"), objects(status, "containerStatuses")))
                .setNodeSelector(stringMap(spec, "nodeSelector"))
                .setAffinity(requiredNodeAffinity(spec))
                .setTolerations(tolerations(spec))
                .setPvcNames(pvcNames(spec, name))
                .setServiceAccountName(firstNonNull(text(spec, "serviceAccountName"), text(spec, "serviceAccount")))
                .setRuntimeClassName(text(spec, "runtimeClassName"))
                .setPriorityClassName(text(spec, "priorityClassName"))
                .setSchedulerName(text(spec, "schedulerName"))
                .setQosClass(text(status, "qosClass"))
                .setGroupName(text(pod, "metadata", "annotations", GROUP_NAME_ANNOTATION))
                .build();
    }

    /**
     * Whether the object shows its owner references whole: the API server's objects carry a uid (and an ownerReferences
     * list when there are owners); an object rebuilt from text says so with an ownerReferences list, empty for a bare
     * Pod ({@link DescribePod}), and has none when the text may have cut them.
     */
    static boolean ownersKnown(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        return metadata.has("ownerReferences") || text(metadata, "uid") != null;
    }

    /** The latest time written in a Pod: condition transitions, container state times, creation, deletion. */
    public static Optional<Instant> podTime(JsonNode pod) {
        // a running maximum, not a list and a stream: this runs for every pod of a recording
        Instant latest = latest(time(pod, "metadata", "creationTimestamp"), time(pod, "metadata", "deletionTimestamp"),
                time(pod, "status", "startTime"));
        for (JsonNode condition : objects(pod, "status", "conditions")) {
            latest = latest(latest, time(condition, "lastTransitionTime"));
        }
        for (String statuses : CONTAINER_STATUSES) {
            for (JsonNode cs : objects(pod, "status", statuses)) {
                for (String which : STATES) {
                    JsonNode state = at(cs, which);
                    for (String kind : TIMED_STATES) {
                        latest = latest(latest, time(state, kind, "startedAt"));
                        latest = latest(latest, time(state, kind, "finishedAt"));
                    }
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Nearest owner first. The controller reference comes from the Pod; each further link from {@code owners}.
     * When {@code owners} knows nothing about the nearest owner, the next link is inferred from names: a
     * ReplicaSet {@code <deploy>-<hash>} whose hash equals the Pod's {@code pod-template-hash} label belongs to
     * Deployment {@code <deploy>} (only the Deployment controller sets that label), a Job
     * {@code <cronjob>-<8+ digits>} to CronJob {@code <cronjob>} (the CronJob controller names Jobs by their
     * scheduled minute).
     */
    static List<OwnerRef> ownerChain(JsonNode pod, String namespace, OwnerLookup owners) {
        List<JsonNode> refs = objects(pod, "metadata", "ownerReferences");
        JsonNode nearest = refs.stream().filter(r -> bool(r, "controller")).findFirst()
                .orElse(refs.isEmpty() ? null : refs.get(0));
        if (nearest == null || text(nearest, "kind") == null || text(nearest, "name") == null) {
            return new ArrayList<>();
        }
        OwnerRef first = OwnerRef.newBuilder()
                .setKind(text(nearest, "kind"))
                .setName(text(nearest, "name"))
                .setUid(text(nearest, "uid"))
                .setController(bool(nearest, "controller"))
                .build();
        return ownerChain(namespace, first, text(pod, "metadata", "labels", "pod-template-hash"), owners);
    }

    /**
     * The chain above a Pod's nearest owner; a replay calls it again on each snapshot once the whole recording
     * (and so every ReplicaSet and Job in it) has been read.
     */
    public static List<OwnerRef> ownerChain(String namespace, OwnerRef nearest, String podTemplateHash, OwnerLookup owners) {
        List<OwnerRef> chain = new ArrayList<>();
        OwnerRef current = nearest;
        chain.add(current);
        Set<String> seen = new HashSet<>();
        seen.add(current.getKind() + "/" + current.getName());
        while (chain.size() < MAX_OWNER_DEPTH) {
            Optional<OwnerRef> next = owners.ownerOf(namespace, current.getKind(), current.getName());
            if (next.isEmpty() && chain.size() == 1) {
                next = inferredOwner(current, podTemplateHash);
            }
            if (next.isEmpty() || !seen.add(next.get().getKind() + "/" + next.get().getName())) {
                break;
            }
            current = next.get();
            chain.add(current);
        }
        return chain;
    }

    private static Optional<OwnerRef> inferredOwner(OwnerRef nearest, String podTemplateHash) {
        String owner = null;
        String kind = null;
        if ("ReplicaSet".equals(nearest.getKind())) {
            owner = WorkloadName.deploymentOfReplicaSet(nearest.getName(), podTemplateHash);
            kind = "Deployment";
        } else if ("Job".equals(nearest.getKind())) {
            owner = WorkloadName.cronJobOfJob(nearest.getName());
            kind = "CronJob";
        }
        return owner == null ? Optional.empty()
                : Optional.of(OwnerRef.newBuilder().setKind(kind).setName(owner).setUid(null).setController(true).build());
    }

    private static List<Container> containers(List<JsonNode> specs, List<JsonNode> statuses) {
        Map<String, JsonNode> statusByName = new LinkedHashMap<>();
        for (JsonNode status : statuses) {
            String name = text(status, "name");
            if (name != null) {
                statusByName.put(name, status);
            }
        }
        List<Container> containers = new ArrayList<>();
        for (JsonNode spec : specs) {
            String name = text(spec, "name");
            if (name == null) {
                throw new MalformedObjectException("container without name");
            }
            containers.add(container(name, spec, statusByName.remove(name)));
        }
        // a status without a spec (a watch object trimmed by a recorder) still says what the container is doing
        statusByName.forEach((name, status) -> containers.add(container(name, null, status)));
        return containers;
    }

    private static Container container(String name, JsonNode spec, JsonNode status) {
        Integer restarts = integer(status, "restartCount");
        return Container.newBuilder()
                .setName(name)
                .setImage(firstNonNull(text(spec, "image"), text(status, "image")))
                .setRequests(stringMap(spec, "resources", "requests"))
                .setLimits(stringMap(spec, "resources", "limits"))
                .setProbes(probes(spec))
                .setReady(bool(status, "ready"))
                .setStarted(optionalBool(status, "started"))
                .setRestartCount(restarts == null ? 0 : restarts)
                .setState(containerState(at(status, "state")))
                .setLastState(containerState(at(status, "lastState")))
                .build();
    }

    private static ContainerState containerState(JsonNode state) {
        if (state == null) {
            return null;
        }
        for (String kind : List.of("terminated", "waiting", "running")) {
            JsonNode detail = at(state, kind);
            if (detail != null && detail.isObject()) {
                Integer exitCode = integer(detail, "exitCode");
                Integer signal = integer(detail, "signal");
                return containerState(kind, text(detail, "reason"), text(detail, "message"), exitCode, signal,
                        time(detail, "startedAt"), time(detail, "finishedAt"));
            }
        }
        return null;
    }

    /** One of a container's states ({@code terminated}, {@code waiting}, {@code running}), its message bounded. */
    static ContainerState containerState(String kind, String reason, String message, Integer exitCode, Integer signal,
                                         Instant startedAt, Instant finishedAt) {
        return ContainerState.newBuilder()
                .setKind(kind)
                .setReason(reason)
                .setMessage(cap(message, MAX_STATE_MESSAGE))
                .setExitCode(exitCode)
                .setSignal(signal)
                .setStartedAt(startedAt)
                .setFinishedAt(finishedAt)
                .build();
    }

    private static List<Probe> probes(JsonNode spec) {
        List<Probe> probes = new ArrayList<>();
        for (String kind : List.of("liveness", "readiness", "startup")) {
            JsonNode probe = at(spec, kind + "Probe");
            if (probe == null || !probe.isObject()) {
                continue;
            }
            probes.add(probe(kind, probeHandler(probe), integer(probe, "initialDelaySeconds"),
                    integer(probe, "periodSeconds"), integer(probe, "timeoutSeconds"),
                    integer(probe, "failureThreshold"), integer(probe, "successThreshold")));
        }
        return probes;
    }

    /** A probe with Kubernetes' defaults for the settings left out. */
    static Probe probe(String kind, String handler, Integer initialDelaySeconds, Integer periodSeconds,
                       Integer timeoutSeconds, Integer failureThreshold, Integer successThreshold) {
        return Probe.newBuilder()
                .setKind(kind)
                .setHandler(handler)
                .setInitialDelaySeconds(orDefault(initialDelaySeconds, 0))
                .setPeriodSeconds(orDefault(periodSeconds, PROBE_PERIOD))
                .setTimeoutSeconds(orDefault(timeoutSeconds, PROBE_TIMEOUT))
                .setFailureThreshold(orDefault(failureThreshold, PROBE_FAILURE))
                .setSuccessThreshold(orDefault(successThreshold, PROBE_SUCCESS))
                .build();
    }

    /** {@code httpGet :8000/v2/health/ready}, {@code tcpSocket :8001}, {@code grpc :8001}, {@code exec cat /tmp/ready}. */
    static String probeHandler(JsonNode probe) {
        JsonNode http = at(probe, "httpGet");
        if (http != null) {
            return httpGetHandler(text(http, "scheme"), text(http, "port"), text(http, "path"));
        }
        JsonNode tcp = at(probe, "tcpSocket");
        if (tcp != null) {
            return portHandler("tcpSocket", text(tcp, "port"));
        }
        JsonNode grpc = at(probe, "grpc");
        if (grpc != null) {
            return portHandler("grpc", text(grpc, "port"));
        }
        JsonNode exec = at(probe, "exec");
        if (exec != null) {
            return execHandler(strings(exec, "command"));
        }
        return null;
    }

    static String httpGetHandler(String scheme, String port, String path) {
        return "httpGet " + ("HTTPS".equals(scheme) ? "https " : "") + ":" + firstNonNull(port, "?") + firstNonNull(path, "/");
    }

    /** {@code tcpSocket :8001}, {@code grpc :8001}. */
    static String portHandler(String handler, String port) {
        return handler + " :" + firstNonNull(port, "?");
    }

    static String execHandler(List<String> command) {
        return cap(command.isEmpty() ? "exec" : "exec " + String.join(" ", command), 200);
    }

    /** {@code accelerator In (nvidia-a100, nvidia-h100), gpu Exists OR zone In (a)}: terms are ORed, expressions ANDed. */
    static String requiredNodeAffinity(JsonNode spec) {
        List<String> terms = new ArrayList<>();
        for (JsonNode term : objects(spec, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution",
                "nodeSelectorTerms")) {
            List<String> expressions = new ArrayList<>();
            for (String field : List.of("matchExpressions", "matchFields")) {
                for (JsonNode expression : objects(term, field)) {
                    expressions.add(selectorExpression(text(expression, "key"), text(expression, "operator"),
                            strings(expression, "values")));
                }
            }
            if (!expressions.isEmpty()) {
                terms.add(String.join(", ", expressions));
            }
        }
        return terms.isEmpty() ? null : String.join(" OR ", terms);
    }

    /** {@code accelerator In (nvidia-a100, nvidia-h100)}, {@code gpu Exists}. */
    static String selectorExpression(String key, String operator, List<String> values) {
        String k = firstNonNull(key, "?");
        String op = firstNonNull(operator, "?");
        return switch (op) {
            case "In", "NotIn" -> k + " " + op + " (" + String.join(", ", values) + ")";
            case "Exists", "DoesNotExist" -> k + " " + op;
            default -> k + " " + op + (values.isEmpty() ? "" : " " + String.join(", ", values));
        };
    }

    private static List<Toleration> tolerations(JsonNode spec) {
        List<Toleration> tolerations = new ArrayList<>();
        for (JsonNode t : objects(spec, "tolerations")) {
            tolerations.add(Toleration.newBuilder()
                    .setKey(text(t, "key"))
                    .setOperator(text(t, "operator"))
                    .setValue(text(t, "value"))
                    .setEffect(text(t, "effect"))
                    .setTolerationSeconds(longValue(t, "tolerationSeconds"))
                    .build());
        }
        return tolerations;
    }

    /** Claim names, including the {@code <pod>-<volume>} claims Kubernetes creates for generic ephemeral volumes. */
    private static List<String> pvcNames(JsonNode spec, String podName) {
        List<String> names = new ArrayList<>();
        for (JsonNode volume : objects(spec, "volumes")) {
            String claim = text(volume, "persistentVolumeClaim", "claimName");
            if (claim != null) {
                names.add(claim);
            } else if (at(volume, "ephemeral", "volumeClaimTemplate") != null && text(volume, "name") != null) {
                names.add(podName + "-" + text(volume, "name"));
            }
        }
        return names;
    }

    // ---------------------------------------------------------------- nodes

    /** A Node's analysis-relevant state; {@code observedAt} null means the latest time written in the object. */
    public static NodeSnapshot node(JsonNode node, String cluster, Instant observedAt) {
        requireObject(node, "Node");
        String name = requireName(node, "Node");
        Instant at = observedAt != null ? observedAt : nodeTime(node)
                .orElseThrow(() -> new MalformedObjectException("node " + name + " carries no timestamp and no observation time"));
        List<Taint> taints = new ArrayList<>();
        for (JsonNode t : objects(node, "spec", "taints")) {
            String key = text(t, "key");
            String effect = text(t, "effect");
            if (key == null || effect == null) {
                throw new MalformedObjectException("node " + name + " has a taint without key or effect");
            }
            taints.add(Taint.newBuilder().setKey(key).setValue(text(t, "value")).setEffect(effect).build());
        }
        return NodeSnapshot.newBuilder()
                .setCluster(cluster)
                .setName(name)
                .setUid(text(node, "metadata", "uid"))
                .setObservedAt(at)
                .setLabels(stringMap(node, "metadata", "labels"))
                .setTaints(taints)
                .setCapacity(stringMap(node, "status", "capacity"))
                .setAllocatable(stringMap(node, "status", "allocatable"))
                .setConditions(conditions(at(node, "status")))
                .setUnschedulable(bool(node, "spec", "unschedulable"))
                .setKubeletVersion(text(node, "status", "nodeInfo", "kubeletVersion"))
                .setContainerRuntimeVersion(text(node, "status", "nodeInfo", "containerRuntimeVersion"))
                .build();
    }

    /**
     * The latest condition transition or the creation time. Heartbeats are left out on purpose: they move every
     * few seconds without anything changing, and would make a listed node look newer than the events it explains.
     */
    public static Optional<Instant> nodeTime(JsonNode node) {
        Instant latest = time(node, "metadata", "creationTimestamp");
        for (JsonNode condition : objects(node, "status", "conditions")) {
            latest = latest(latest, time(condition, "lastTransitionTime"));
        }
        return Optional.ofNullable(latest);
    }

    // ---------------------------------------------------------------- shared

    private static List<Condition> conditions(JsonNode status) {
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode c : objects(status, "conditions")) {
            String type = text(c, "type");
            if (type == null) {
                continue;
            }
            conditions.add(condition(type, text(c, "status"), text(c, "reason"), text(c, "message"),
                    time(c, "lastTransitionTime")));
        }
        return conditions;
    }

    static Condition condition(String type, String status, String reason, String message, Instant lastTransitionTime) {
        return Condition.newBuilder()
                .setType(type)
                .setStatus(firstNonNull(status, "Unknown"))
                .setReason(reason)
                .setMessage(message)
                .setLastTransitionTime(lastTransitionTime)
                .build();
    }

    private static void requireObject(JsonNode node, String kind) {
        if (node == null || !node.isObject()) {
            throw new MalformedObjectException(kind + " is not a JSON object");
        }
    }

    static String requireName(JsonNode object, String kind) {
        String name = text(object, "metadata", "name");
        if (name == null) {
            throw new MalformedObjectException(kind + " without metadata.name");
        }
        return name;
    }

    private static JsonNode firstObject(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            if (node != null && node.isObject()) {
                return node;
            }
        }
        return null;
    }

    static Instant firstNonNullTime(Instant... times) {
        for (Instant t : times) {
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    static Instant latest(Instant... times) {
        Instant latest = null;
        for (Instant t : times) {
            if (t != null && (latest == null || t.isAfter(latest))) {
                latest = t;
            }
        }
        return latest;
    }

    static int maxOr(int fallback, Integer... values) {
        Integer max = null;
        for (Integer value : values) {
            if (value != null && (max == null || value > max)) {
                max = value;
            }
        }
        return max == null ? fallback : max;
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static String cap(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
