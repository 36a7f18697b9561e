package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.recordings.DescribeDocuments.Field;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.incidents.recordings.DescribeDocuments.conditions;
import static dev.incidents.recordings.DescribeDocuments.controlledBy;
import static dev.incidents.recordings.DescribeDocuments.describeTime;
import static dev.incidents.recordings.DescribeDocuments.emptyToNull;
import static dev.incidents.recordings.DescribeDocuments.pairs;
import static dev.incidents.recordings.DescribeDocuments.putIfPresent;
import static dev.incidents.recordings.DescribeDocuments.resourceMap;

/**
 * {@code kubectl describe pod} rebuilt into a Pod: the header ({@code Status}, {@code Node}, {@code Controlled By},
 * ...), containers and init containers with their {@code State}/{@code Last State} blocks and probes, tolerations,
 * volumes' claims, the Conditions table.
 */
final class DescribePod {
    private static final Pattern PROBE = Pattern.compile(
            "^(http-get|tcp-socket|exec|grpc)\\s+(.*?)\\s+delay=(\\d+)s\\s+timeout=(\\d+)s\\s+period=(\\d+)s\\s+#success=(\\d+)\\s+#failure=(\\d+)\\s*$");
    private static final Pattern HTTP_URL = Pattern.compile("^(https?)://[^:/]*:([^/]+)(/.*)?$");
    private static final Pattern TOLERATION = Pattern.compile(
            "^([^=:\\s]*)(?:=([^:\\s]*))?(?::(\\w+))?(?:\\s+op=(\\w+))?(?:\\s+for\\s+(\\d+)s)?$");
    /** The pod of an Events table or status fragment whose paste names no object. */
    static final String UNNAMED_POD = Unnamed.POD;
    /** The container of a {@code State:} block pasted without its container header. */
    static final String UNNAMED_CONTAINER = Unnamed.CONTAINER;
    static final Set<String> POD_PHASES = Set.of("Pending", "Running", "Succeeded", "Failed", "Unknown");
    /**
     * Pod reasons the kubelet writes together with phase Failed: rejectPod's admission failures, evictions, the pods
     * it ends for a graceful node shutdown ({@code Terminated}; {@code NodeShutdown} when it refuses one meanwhile) or
     * preempts for a critical pod ({@code Preempting}).
     */
    static final Pattern FAILED_REASON = Pattern.compile(
            "UnexpectedAdmissionError|Evicted|NodeAffinity|NodeShutdown|Terminated|Preempting|OutOf[A-Za-z0-9./-]+");

    private DescribePod() {
    }

    /**
     * A pod's {@code Status: Failed} with a {@code Reason:} (Evicted, ...) pasted alone, or its {@code Reason:} and
     * {@code Message:} lines without the Status line ({@code UnexpectedAdmissionError}, {@code OutOfnvidia.com/gpu}).
     */
    static boolean isPodStatus(Field root) {
        if (root.child("Reason") == null) {
            return rejectionReason(root.text("Message")) != null;
        }
        return POD_PHASES.contains(String.valueOf(root.text("Status")))
                || root.child("Status") == null && root.text("Message") != null;
    }

    /**
     * The reason the kubelet writes beside a rejection message, for a {@code Message:} line pasted alone: since 1.27
     * it starts its admission failures with {@code Pod was rejected: } ({@code Allocate failed due to ...} is the
     * device manager's, {@code UnexpectedAdmissionError}; {@code Node didn't have enough resource: nvidia.com/gpu, ...}
     * is {@code OutOfnvidia.com/gpu}); an eviction's message is one of {@link #EVICTION}. Null for
     * any other message.
     */
    static String rejectionReason(String message) {
        if (message == null) {
            return null;
        }
        Matcher eviction = EVICTION.matcher(message);
        int afterPrefix = message.startsWith(REJECTED) ? REJECTED.length() : message.startsWith("Pod ") ? 4 : 0;
        if (eviction.lookingAt() || afterPrefix > 0 && eviction.region(afterPrefix, message.length()).lookingAt()) {
            return "Evicted"; // the eviction manager's admission refusal too, as the pod's status words it
        }
        if (message.startsWith("Pod Allocate failed") || message.startsWith("Allocate failed due to")) {
            return "UnexpectedAdmissionError"; // the device manager's own words, before 1.27 added the prefix
        }
        if (!message.startsWith(REJECTED)) {
            return null;
        }
        Matcher resource = NOT_ENOUGH_RESOURCE.matcher(message);
        if (resource.find()) {
            return "OutOf" + resource.group(1);
        }
        if (message.contains("Predicate NodeAffinity failed")) {
            return "NodeAffinity";
        }
        return "UnexpectedAdmissionError";
    }

    /** What the kubelet puts before an admission failure's message in the pod's status since 1.27 ("Pod " before). */
    private static final String REJECTED = "Pod was rejected: ";

    /**
     * The kubelet's eviction messages: the node short of a resource, a pod past its own local storage limits
     * (an emptyDir's {@code sizeLimit}, the containers' {@code ephemeral-storage} limits), and a pod refused at
     * admission under a node condition ({@code The node had condition: [DiskPressure].}, reason Evicted too).
     */
    static final Pattern EVICTION = Pattern.compile("The node was low on resource: |The node had condition: \\[|"
            + "Usage of EmptyDir volume \"[^\"]+\" "
            + "exceeds the limit|Pod ephemeral local storage usage exceeds the total limit|Container \\S+ exceeded its "
            + "local ephemeral storage limit");
    private static final Pattern NOT_ENOUGH_RESOURCE = Pattern.compile("didn't have enough resource: ([^,\\s]+)");

    /** A status fragment's {@code Reason:} told by its message when the paste has the message only. */
    static void inferReason(Field root, int line) {
        String reason = root.child("Reason") == null ? rejectionReason(root.text("Message")) : null;
        if (reason != null) {
            Field field = new Field(0, "Reason", reason, line);
            root.children.put("Reason", field);
            root.childList.add(field);
        }
    }

    /**
     * Container blocks pasted without their {@code Containers:} line ({@code   toolkit-validation:} with its
     * {@code State:} and {@code Last State:} under it): the fields at the top whose own fields hold a state.
     */
    static List<Field> containerBlocks(Field root) {
        return root.childList.stream().filter(f -> f.value == null || f.value.isEmpty())
                .filter(f -> f.child("State") != null || f.child("Last State") != null).toList();
    }

    /**
     * Container blocks pasted without their {@code Containers:} line become the pod's containers. A block headed by one
     * of a container's own fields ({@code Args:} or {@code Command:} with the container's other fields indented under
     * its values: a paste that starts mid-container) is that container, its name not pasted.
     */
    static void adoptContainerBlocks(Field root, List<Field> blocks, int start) {
        // a container's own field heading the block, or the reporter's sentence before an indented state ("So read
        // events instead:"): no container is named so
        withContainers(root, blocks.stream().map(block -> CONTAINER_FIELDS.contains(block.key)
                || !CONTAINER_NAME.matcher(block.key).matches() ? unnamed(block) : block).toList(), start);
    }

    /** {@code containers} as the pod's {@code Containers:} section, which the paste left out. */
    private static void withContainers(Field root, List<Field> containers, int start) {
        Field section = new Field(0, "Containers", null, start);
        for (Field container : containers) {
            section.children.put(container.key, container);
            section.childList.add(container);
        }
        root.children.put("Containers", section);
    }

    /** A container's name: a DNS-1123 label. */
    private static final Pattern CONTAINER_NAME = Pattern.compile("[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?");

    /** Every field kubectl prints under a container's name: none is a container's name. */
    private static final Set<String> OWN_FIELDS = Set.of("Container ID", "Image", "Image ID", "Port", "Host Port",
            "Ports", "Host Ports", "Args", "Command", "State", "Last State", "Ready", "Restart Count", "Limits",
            "Requests", "Liveness", "Readiness", "Startup", "Environment", "Environment Variables from", "Mounts");

    /** The fields of {@code section} as those of a container whose name was not pasted. */
    private static Field unnamed(Field section) {
        Field container = new Field(section.indent, UNNAMED_CONTAINER, null, section.line);
        container.children.putAll(section.children);
        container.childList.addAll(section.childList);
        return container;
    }

    /** Fields of a container in a describe, which no container is named after in a paste. */
    private static final Set<String> CONTAINER_FIELDS = Set.of("Args", "Command", "Image", "Image ID", "Port",
            "Host Port", "Ports", "Host Ports", "Environment", "Mounts", "Limits", "Requests");

    /**
     * What a describe's {@code Environment:} prints for a variable taken from the pod's own metadata through the
     * downward API: kubectl resolves it, {@code POD_NAMESPACE:  shop (v1:metadata.namespace)}.
     */
    private static final Pattern DOWNWARD = Pattern.compile("^([a-z0-9][-.a-z0-9]*) \\(v1:metadata\\.(name|namespace)\\)$");

    /**
     * The pod's own {@code metadata.name} or {@code metadata.namespace} ({@code field}) as a container's environment
     * prints it, anywhere under {@code root}; null when no variable takes it. What names a fragment's pod when its
     * {@code Name:} and {@code Namespace:} lines were not pasted.
     */
    static String downwardMetadata(Field root, String field) {
        for (Field child : root.childList) {
            Matcher m = child.value == null ? null : DOWNWARD.matcher(child.value.strip());
            if (m != null && m.matches() && m.group(2).equals(field)) {
                return m.group(1);
            }
            String below = downwardMetadata(child, field);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    /** A {@code State:}/{@code Last State:} block pasted without its container: filed under {@link #UNNAMED_CONTAINER}. */
    static void adoptHeadlessContainer(Field root, int start) {
        flattenedState(root, "State");
        flattenedState(root, "Last State");
        Field container = new Field(2, UNNAMED_CONTAINER, null, start);
        container.children.putAll(root.children);
        container.childList.addAll(root.childList);
        withContainers(root, List.of(container), start);
    }

    /**
     * A describe cut between the pod's head and a container's state ({@code Name: x}, the reporter's {@code <snip>} or
     * {@code ...}, then {@code State: Running} and {@code Last State: Terminated} at a container's indentation): the
     * state fields hang under the last head field above them, and are the state of the pod's one container whose name
     * was not pasted. A describe that has its containers' sections keeps them.
     */
    static void adoptStateUnderHead(Field root, int start) {
        if (root.child("Containers") != null || root.child("Init Containers") != null) {
            return;
        }
        root.childList.stream().filter(head -> head.value != null && !head.value.isEmpty()
                        && (head.child("State") != null || head.child("Last State") != null))
                .findFirst().ifPresent(head -> withContainers(root, List.of(unnamed(head)), start));
    }

    /** Reasons a container's termination has and a pod's status never does. */
    private static final Set<String> TERMINATION_ONLY_REASONS = Set.of("OOMKilled", "ContainerCannotRun");

    /**
     * A container termination's fields pasted without the state line they were under: {@code kubectl describe pod x
     * | grep Reason} printing one {@code Reason: OOMKilled}, or {@code Reason: OOMKilled} and {@code Exit Code: 137}
     * quoted alone. A pod's own reasons are Evicted, UnexpectedAdmissionError and the like, and only a termination
     * prints an exit code, so they are made the container's {@code Last State}.
     */
    static void lastStateOfLoneReason(Field root) {
        Field reason = root.child("Reason");
        if (reason == null || reason.value == null
                || !root.childList.stream().allMatch(f -> STATE_FIELDS.contains(f.key) && f.indent == reason.indent)) {
            return;
        }
        Field exit = root.child("Exit Code");
        boolean terminated = TERMINATION_ONLY_REASONS.contains(reason.value)
                || exit != null && exit.value != null && exit.value.matches("\\d{1,3}") && !"0".equals(exit.value);
        if (!terminated) {
            return;
        }
        Field last = new Field(reason.indent, "Last State", "Terminated", root.childList.get(0).line);
        for (Field field : root.childList) {
            Field moved = new Field(field.indent + 2, field.key, field.value, field.line);
            moved.more.addAll(field.more);
            last.children.put(moved.key, moved);
            last.childList.add(moved);
        }
        root.children.clear();
        root.childList.clear();
        root.children.put(last.key, last);
        root.childList.add(last);
    }

    /** The fields a container state prints under its {@code Terminated} or {@code Waiting} line. */
    private static final Set<String> STATE_FIELDS = Set.of("Reason", "Message", "Exit Code", "Signal", "Started",
            "Finished");

    /**
     * A state pasted with its fields at its own indentation ({@code Last State:  Terminated} then {@code Reason:
     * OOMKilled} and {@code Exit Code:  137} under it, flush left): the fields that follow the state line belong to it.
     */
    private static void flattenedState(Field root, String name) {
        Field state = root.child(name);
        if (state == null || !state.children.isEmpty() || state.value == null
                || !(state.value.startsWith("Terminated") || state.value.startsWith("Waiting"))) {
            return;
        }
        for (Field field : List.copyOf(root.childList)) {
            if (field.line > state.line && field.indent == state.indent && STATE_FIELDS.contains(field.key)
                    && !state.children.containsKey(field.key)) {
                if (root.children.get(field.key) == field) {
                    root.children.remove(field.key);
                }
                root.childList.remove(field);
                state.children.put(field.key, field);
                state.childList.add(field);
            }
        }
    }

    /**
     * A pod known only by one container that ended (a tool's report of it): its phase, the container's terminated
     * reason, message and exit code when given (null when not).
     */
    static ObjectNode terminatedPod(String namespace, String name, String phase, String container, String reason,
                                    String message, Integer exitCode) {
        ObjectNode pod = JsonLogReader.MAPPER.createObjectNode();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.putObject("metadata").put("name", name).put("namespace", namespace);
        ObjectNode status = pod.putObject("status");
        status.put("phase", phase);
        ObjectNode terminated = status.putArray("containerStatuses").addObject()
                .put("name", container).put("ready", false).put("restartCount", 0)
                .putObject("state").putObject("terminated").put("reason", reason);
        if (message != null && !message.isEmpty()) {
            terminated.put("message", message);
        }
        if (exitCode != null) {
            terminated.put("exitCode", exitCode);
        }
        return pod;
    }

    /**
     * Whether the describe names the pod's owner (its {@code Controlled By:} line, or its place showing none: a bare
     * pod) unlike what the pod's name suggests ({@link WorkloadName#fromPodName}: a Job's {@code train-x7k2p} reads as a
     * DaemonSet's, a bare {@code web-19} as a StatefulSet's).
     */
    static boolean ownerUnlikeItsName(ObjectNode pod) {
        JsonNode refs = pod.path("metadata").path("ownerReferences");
        if (!refs.isArray()) {
            return false; // the describe may have cut it: the name is all there is
        }
        WorkloadName guess = WorkloadName.fromPodName(JsonFields.text(pod, "metadata", "name"));
        if (refs.isEmpty()) {
            return !"Pod".equals(guess.kind());
        }
        String kind = JsonFields.text(refs.get(0), "kind");
        String owner = JsonFields.text(refs.get(0), "name");
        return !(owner != null && (owner.equals(guess.via()) || owner.equals(guess.name()) && kind != null
                && kind.equals(guess.kind())));
    }

    /**
     * The pod as it was created, before the events its describe lists: its name, namespace, labels and owner, Pending,
     * at {@code at}. A replay learns the pod's owner from it before routing those events (they would otherwise go to
     * the workload the name suggests: the describe's own snapshot is of the paste's moment, after them), as a live
     * analyzer learns it from the pod's first snapshot, which comes before its events.
     */
    static ObjectNode created(ObjectNode pod, java.time.Instant at) {
        ObjectNode created = JsonLogReader.MAPPER.createObjectNode();
        created.put("apiVersion", "v1");
        created.put("kind", "Pod");
        ObjectNode metadata = ((ObjectNode) pod.path("metadata")).deepCopy();
        metadata.remove("deletionTimestamp");
        metadata.put("creationTimestamp", at.toString());
        created.set("metadata", metadata);
        created.putObject("spec");
        created.putObject("status").put("phase", "Pending");
        return created;
    }

    static ObjectNode pod(Field root, String name, String namespace) {
        ObjectNode pod = JsonLogReader.MAPPER.createObjectNode();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata");
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.set("labels", pairs(root.child("Labels")));
        controlledBy(root, metadata);
        if (!metadata.has("ownerReferences") && name.equals(metadata.path("labels").path("run").asText(null))) {
            // kubectl run labels the pod it creates run=<its name>; the pods of a controller are named after it, not
            // the other way round (kubectl run before 1.18 made a Deployment: run=<deploy>, pod <deploy>-<hash>-<5>)
            metadata.putArray("ownerReferences");
        }
        ObjectNode spec = pod.putObject("spec");
        ObjectNode status = pod.putObject("status");
        String node = root.text("Node");
        if (node != null) {
            spec.put("nodeName", node.contains("/") ? node.substring(0, node.indexOf('/')) : node);
        }
        putIfPresent(spec, "serviceAccountName", root.text("Service Account"));
        putIfPresent(spec, "priorityClassName", root.text("Priority Class Name"));
        putIfPresent(spec, "runtimeClassName", root.text("Runtime Class Name"));
        spec.set("nodeSelector", pairs(root.child("Node-Selectors")));
        spec.set("tolerations", tolerations(root.child("Tolerations")));
        ArrayNode volumes = spec.putArray("volumes");
        Field volumeSection = root.child("Volumes");
        if (volumeSection != null) {
            for (Field volume : volumeSection.childList) {
                String claim = volume.text("ClaimName");
                if (claim != null) {
                    volumes.addObject().put("name", volume.key).putObject("persistentVolumeClaim").put("claimName", claim);
                }
            }
        }
        String phase = root.text("Status");
        if (phase != null) {
            // a pod being deleted shows "Terminating (lasts 5s)" in place of its phase
            status.put("phase", phase.startsWith("Terminating") ? "Running" : phase);
        } else if (root.text("Reason") != null && FAILED_REASON.matcher(root.text("Reason")).matches()) {
            // the Status line was not pasted, but the kubelet sets these reasons only with phase Failed (its
            // admission rejections, evictions)
            status.put("phase", "Failed");
        }
        putIfPresent(status, "reason", root.text("Reason"));
        putIfPresent(status, "message", root.text("Message"));
        putIfPresent(status, "qosClass", root.text("QoS Class"));
        putIfPresent(status, "startTime", describeTime(root.text("Start Time")));
        ArrayNode conditions = status.putArray("conditions").addAll(conditions(root.child("Conditions")));
        containers(root.child("Init Containers"), spec.putArray("initContainers"), status.putArray("initContainerStatuses"));
        containers(root.child("Containers"), spec.putArray("containers"), status.putArray("containerStatuses"));
        if (conditions.isEmpty() && readinessNotShown(root.child("Containers"))) {
            conditions.addObject().put("type", "Ready").put("status", "Unknown").put("reason", READINESS_NOT_SHOWN);
        }
        return pod;
    }

    /**
     * The reason of the {@code Ready} condition, status {@code Unknown}, a pod gets when its describe shows no
     * readiness: no Conditions table and no container's {@code Ready:} line (a paste cut after a container's state).
     * Its containers are not known unready then, only not shown.
     */
    static final String READINESS_NOT_SHOWN = "ReadinessNotShown";

    private static boolean readinessNotShown(Field containers) {
        List<Field> blocks = sectionContainers(containers);
        return !blocks.isEmpty() && blocks.stream().allMatch(c -> c.child("Ready") == null);
    }

    /**
     * The container blocks of a {@code Containers:} section; a container's fields right under it (its name line cut out
     * with the lines around it, {@code ...省略...}) are one unnamed container's.
     */
    private static List<Field> sectionContainers(Field section) {
        if (section == null) {
            return List.of();
        }
        boolean headless = section.childList.stream().anyMatch(f -> OWN_FIELDS.contains(f.key));
        return headless ? List.of(unnamed(section)) : section.childList;
    }

    private static void containers(Field section, ArrayNode specs, ArrayNode statuses) {
        for (Field c : sectionContainers(section)) {
            ObjectNode spec = specs.addObject();
            spec.put("name", c.key);
            putIfPresent(spec, "image", c.text("Image"));
            ObjectNode resources = spec.putObject("resources");
            resources.set("limits", resourceMap(c.child("Limits")));
            resources.set("requests", resourceMap(c.child("Requests")));
            for (String probe : List.of("Liveness", "Readiness", "Startup")) {
                ObjectNode parsed = probe(c.text(probe));
                if (parsed != null) {
                    spec.set(probe.toLowerCase(Locale.ROOT) + "Probe", parsed);
                }
            }
            ObjectNode status = statuses.addObject();
            status.put("name", c.key);
            status.put("ready", "True".equalsIgnoreCase(c.text("Ready")));
            String restarts = c.text("Restart Count");
            if (restarts != null && restarts.matches("\\d{1,9}")) {
                status.put("restartCount", Integer.parseInt(restarts));
            }
            ObjectNode state = containerState(c.child("State"));
            if (state != null) {
                status.set("state", state);
            }
            ObjectNode lastState = containerState(c.child("Last State"));
            if (lastState != null) {
                status.set("lastState", lastState);
            }
        }
    }

    /** {@code State: Waiting} with {@code Reason:}, {@code Exit Code:}, {@code Started:} ... indented under it. */
    private static ObjectNode containerState(Field state) {
        if (state == null || state.value == null) {
            return null;
        }
        String kind = state.value.trim().toLowerCase(Locale.ROOT);
        if (!List.of("waiting", "running", "terminated").contains(kind)) {
            return null;
        }
        ObjectNode node = JsonLogReader.MAPPER.createObjectNode();
        ObjectNode detail = node.putObject(kind);
        putIfPresent(detail, "reason", state.text("Reason"));
        Field message = state.child("Message");
        if (message != null) {
            List<String> text = message.values();
            if (!text.isEmpty()) {
                detail.put("message", String.join("\n", text));
            }
        }
        String exit = state.text("Exit Code");
        if (exit != null && exit.matches("-?\\d{1,9}")) {
            detail.put("exitCode", Integer.parseInt(exit));
        }
        String signal = state.text("Signal");
        if (signal != null && signal.matches("\\d{1,9}")) {
            detail.put("signal", Integer.parseInt(signal));
        }
        putIfPresent(detail, "startedAt", describeTime(state.text("Started")));
        putIfPresent(detail, "finishedAt", describeTime(state.text("Finished")));
        return node;
    }

    /** {@code http-get http://:8000/v2/health/ready delay=0s timeout=1s period=10s #success=1 #failure=3}. */
    static ObjectNode probe(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PROBE.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        ObjectNode probe = JsonLogReader.MAPPER.createObjectNode();
        String target = m.group(2);
        switch (m.group(1)) {
            case "http-get" -> {
                Matcher url = HTTP_URL.matcher(target);
                ObjectNode http = probe.putObject("httpGet");
                if (url.matches()) {
                    http.put("port", url.group(2));
                    http.put("path", url.group(3) == null ? "/" : url.group(3));
                    if ("https".equals(url.group(1))) {
                        http.put("scheme", "HTTPS");
                    }
                }
            }
            case "tcp-socket" -> probe.putObject("tcpSocket").put("port", target.replaceFirst("^[^:]*:", ""));
            case "grpc" -> probe.putObject("grpc").put("port", target.replaceFirst("^.*:", "").replaceFirst("\\s.*$", ""));
            default -> {
                ArrayNode command = probe.putObject("exec").putArray("command");
                String inner = target.replaceFirst("^\\[", "").replaceFirst("]$", "");
                for (String part : inner.trim().split("\\s+")) {
                    if (!part.isEmpty()) {
                        command.add(part);
                    }
                }
            }
        }
        probe.put("initialDelaySeconds", Integer.parseInt(m.group(3)));
        probe.put("timeoutSeconds", Integer.parseInt(m.group(4)));
        probe.put("periodSeconds", Integer.parseInt(m.group(5)));
        probe.put("successThreshold", Integer.parseInt(m.group(6)));
        probe.put("failureThreshold", Integer.parseInt(m.group(7)));
        return probe;
    }

    private static ArrayNode tolerations(Field field) {
        ArrayNode tolerations = JsonLogReader.MAPPER.createArrayNode();
        if (field == null) {
            return tolerations;
        }
        for (String value : field.values()) {
            Matcher m = TOLERATION.matcher(value.trim());
            if (!m.matches()) {
                continue;
            }
            ObjectNode t = tolerations.addObject();
            putIfPresent(t, "key", emptyToNull(m.group(1)));
            putIfPresent(t, "value", emptyToNull(m.group(2)));
            putIfPresent(t, "effect", m.group(3));
            putIfPresent(t, "operator", m.group(4));
            if (m.group(5) != null) {
                t.put("tolerationSeconds", Long.parseLong(m.group(5)));
            }
        }
        return tolerations;
    }
}
