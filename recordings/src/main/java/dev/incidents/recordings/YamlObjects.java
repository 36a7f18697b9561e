package dev.incidents.recordings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes objects written as YAML ({@code kubectl get pod x -o yaml}, {@code kubectl get events -o yaml}, several
 * documents apart by {@code ---}): what an engineer pastes into an issue as often as JSON. Each document becomes one
 * line of JSON, read by the same {@link JsonLogReader} as a JSON file (Lists, watch events and bare objects alike);
 * a rejection names the document's first line in the YAML file, not its line in the JSON.
 */
final class YamlObjects {
    /** A top-level key of a Kubernetes object or List, or a document marker: how a YAML file of objects starts. */
    private static final Pattern START = Pattern.compile("^(?:---\\s*|(?:apiVersion|kind|items|metadata):(?:\\s.*)?)$");
    private static final YAMLMapper YAML = new YAMLMapper();

    /** The documents as JSON Lines, and the YAML line each starts on. */
    record Converted(byte[] jsonLines, List<Long> startLines) {
        /** A rejection at JSON line {@code n} (1-based) as one at its document's first YAML line. */
        Rejection inYaml(Rejection r) {
            int document = (int) r.line() - 1;
            long line = document >= 0 && document < startLines.size() ? startLines.get(document) : 0;
            return new Rejection(r.file(), line, r.reason());
        }
    }

    private YamlObjects() {
    }

    /** A pod status's own keys, at least two of which a pasted {@code status:} tail has besides its phase. */
    private static final Pattern STATUS_TAIL_START = Pattern.compile("\\s*\\{?\\s*(?:-\\s+)?\"?(?:status|reason|message|"
            + "phase|conditions|containerStatuses|initContainerStatuses|qosClass|startTime|hostIP|podIP|addresses|"
            + "allocatable|capacity|daemonEndpoints|nodeInfo|lastState|state|waiting|terminated|containerID|image|imageID|"
            + "name|ready|restartCount|started|lastHeartbeatTime|lastTransitionTime|type)\"?\\s*:");
    private static final Pattern ELIDED_HEAD = Pattern.compile("^(?:\\s*(?:\\.\\.\\.|…)\\s*\\n)+");
    /** A node status's own keys, at least two of which a pasted node {@code status:} tail has. */
    private static final java.util.Set<String> NODE_STATUS_KEYS = java.util.Set.of("addresses", "allocatable",
            "capacity", "conditions", "daemonEndpoints", "images", "nodeInfo", "volumesAttached", "volumesInUse");
    private static final java.util.Set<String> POD_STATUS_KEYS = java.util.Set.of("reason", "message", "phase",
            "containerStatuses", "initContainerStatuses", "conditions", "qosClass", "startTime", "hostIP", "podIP");

    /**
     * A pod's or a node's {@code status:} pasted without the object around it ({@code kubectl get pod x -o yaml}, the
     * reporter keeping only the lines from {@code message:} down; a node's {@code allocatable} and {@code capacity}):
     * a YAML mapping with no {@code kind}, and a pod phase and other pod status keys, or two of a node status's keys
     * with its allocatable or capacity. It becomes the status of a pod the paste does not name, or of the node its
     * {@code Hostname} address names; null for any other text.
     */
    static com.fasterxml.jackson.databind.node.ObjectNode statusFragment(String pasted) {
        // the reporter's "..." above what they kept; a container state whose indentation the paste lost
        String text = FlatContainerState.reindent(FlatObjectYaml.reindent(ELIDED_HEAD.matcher(pasted).replaceFirst("")));
        if (!STATUS_TAIL_START.matcher(text).lookingAt()) {
            return null; // not worth a YAML parse: most describe text is not YAML at all
        }
        return statusObject(readStatus(text));
    }

    /**
     * The object a status pasted without it ({@link #statusFragment}) is the status of, from the status as read; null
     * when it is no pod's or node's status.
     */
    static ObjectNode statusObject(JsonNode status) {
        if (isNodeConditions(status) || status != null && status.size() == 1 && isNodeConditions(status.path("conditions"))) {
            // a node's conditions from `get node -o yaml`: only a node's carry lastHeartbeatTime
            var node = JsonLogReader.MAPPER.createObjectNode();
            node.set("conditions", status.isArray() ? status : status.get("conditions"));
            return object("Node", Unnamed.NODE, null, node);
        }
        if (status != null && status.size() == 1 && status.path("status").isObject()) {
            status = status.get("status"); // the status: key kept above its fields
        }
        ObjectNode containers = ContainerStatusFragment.pod(status);
        if (containers != null) {
            DescribeEvents.Subject named = ContainerStatusFragment.namedPod(containers);
            return named == null ? object("Pod", Unnamed.POD, "default", containers)
                    : object("Pod", named.name(), named.namespace(), containers);
        }
        if (status == null || !status.isObject() || status.has("kind")) {
            return null;
        }
        if (isGangStatus(status)) {
            return gangObject(status);
        }
        if (status.path("phase").isTextual() && DescribePod.POD_PHASES.contains(status.path("phase").asText())) {
            if (known(status, POD_STATUS_KEYS) < 3) {
                return null;
            }
            // a container waiting in CrashLoopBackOff names its pod and namespace in its message
            DescribeEvents.Subject named = ContainerStatusFragment.namedPod((ObjectNode) status);
            return named == null ? object("Pod", Unnamed.POD, "default", status)
                    : object("Pod", named.name(), named.namespace(), status);
        }
        if (isPodCondition(status)) {
            // one of a pod's conditions alone ({"type": "PodScheduled", "status": "False", "reason": "Unschedulable",
            // ...}): the pod's conditions, as far as pasted
            ObjectNode held = JsonLogReader.MAPPER.createObjectNode();
            held.putArray("conditions").add(status);
            return object("Pod", Unnamed.POD, "default", podOfConditions(held));
        }
        if (!status.has("phase") && isPodConditions(status.path("conditions"))) {
            return object("Pod", Unnamed.POD, "default", podOfConditions((ObjectNode) status));
        }
        if ((status.path("allocatable").isObject() || status.path("capacity").isObject())
                && known(status, NODE_STATUS_KEYS) >= 2) {
            String name = Unnamed.NODE;
            for (JsonNode address : status.path("addresses")) {
                if ("Hostname".equals(address.path("type").asText())) {
                    name = address.path("address").asText(name);
                }
            }
            return object("Node", name, null, status);
        }
        return null;
    }

    /**
     * A pasted status as YAML: as it is, else with a list item's lines a paste misaligned aligned, else with the key of
     * a list whose items the paste starts with restored; null when none of them parses.
     */
    private static JsonNode readStatus(String text) {
        String t = text.strip();
        if (t.startsWith("\"")) {
            // a JSON key and its value cut out of a pod's JSON ("terminated":{"exitCode":137,...}): the object it is
            JsonNode keyed = readOrNull(JsonLogReader.MAPPER, "{" + t + "}");
            if (keyed == null) {
                keyed = readOrNull(JsonLogReader.MAPPER, CutJson.closed("{" + t)); // and cut before its end
            }
            if (keyed != null) {
                return keyed;
            }
        }
        JsonNode status = readOrNull(YAML, text);
        if (status == null) {
            status = readOrNull(YAML, SequenceItemIndent.align(text));
        }
        String keyed = status == null ? CutSequenceKey.restore(text) : null;
        return keyed == null ? status : readOrNull(YAML, keyed);
    }

    /** {@code text} as {@code mapper} reads it (JSON or YAML); null when it does not parse. */
    private static JsonNode readOrNull(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A list of a node's conditions: type and status each, and the heartbeat time only a node's conditions have. */
    private static boolean isNodeConditions(JsonNode conditions) {
        if (conditions == null || !conditions.isArray() || conditions.isEmpty()) {
            return false;
        }
        boolean heartbeat = false;
        for (JsonNode c : conditions) {
            if (!c.path("type").isTextual() || !c.path("status").isTextual()) {
                return false;
            }
            heartbeat |= c.has("lastHeartbeatTime");
        }
        return heartbeat;
    }

    /** Volcano's PodGroup phases. */
    private static final java.util.Set<String> GANG_PHASES = java.util.Set.of("Pending", "Inqueue", "Running", "Unknown",
            "Completed");
    /** {@code 20 minAvailable} in Volcano's gang verdict: the group's minMember. */
    private static final Pattern MIN_AVAILABLE = Pattern.compile("(\\d{1,6}) minAvailable");

    /**
     * A Volcano PodGroup's {@code status:} pasted alone: a PodGroup phase, its members' counts ({@code running},
     * {@code succeeded}, {@code failed}: a pod's status has none) and the scheduler's conditions.
     */
    private static boolean isGangStatus(JsonNode status) {
        return GANG_PHASES.contains(status.path("phase").asText())
                && (status.path("running").isNumber() || status.path("succeeded").isNumber()
                        || status.path("failed").isNumber())
                && status.path("conditions").isArray();
    }

    /** The PodGroup a gang status belongs to, not named by the paste; its minMember as the gang verdict gives it. */
    private static ObjectNode gangObject(JsonNode status) {
        ObjectNode group = object("PodGroup", Unnamed.POD_GROUP, "default", status);
        group.put("apiVersion", "scheduling.volcano.sh/v1beta1");
        for (JsonNode c : status.path("conditions")) {
            Matcher min = MIN_AVAILABLE.matcher(c.path("message").asText());
            if (min.find()) {
                group.putObject("spec").put("minMember", Integer.parseInt(min.group(1)));
                break;
            }
        }
        return group;
    }

    /** Condition types only a pod has. */
    private static final java.util.Set<String> POD_CONDITIONS = java.util.Set.of("PodScheduled", "Initialized",
            "ContainersReady", "Ready", "PodReadyToStartContainers", "DisruptionTarget");
    /** {@code containers with unready status: [queue-proxy app]}: the Ready condition's message. */
    private static final Pattern UNREADY = Pattern.compile("containers with unready status: \\[([^\\]]*)]");

    /** A pod condition's own keys, all a condition pasted alone has. */
    private static final java.util.Set<String> CONDITION_KEYS = java.util.Set.of("type", "status", "reason", "message",
            "lastProbeTime", "lastTransitionTime", "observedGeneration");

    private static boolean isPodCondition(JsonNode condition) {
        if (!POD_CONDITIONS.contains(condition.path("type").asText()) || !condition.path("status").isTextual()) {
            return false;
        }
        for (var names = condition.fieldNames(); names.hasNext(); ) {
            if (!CONDITION_KEYS.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPodConditions(JsonNode conditions) {
        if (!conditions.isArray() || conditions.isEmpty()) {
            return false;
        }
        for (JsonNode c : conditions) {
            if (!POD_CONDITIONS.contains(c.path("type").asText())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A pod's {@code status.conditions} pasted alone: the phase they imply (scheduled and initialised, its containers
     * not ready: Running; not scheduled: Pending) and the containers the Ready condition names as unready, running.
     */
    private static ObjectNode podOfConditions(ObjectNode status) {
        String phase = "Running";
        for (JsonNode c : status.path("conditions")) {
            String type = c.path("type").asText();
            boolean isFalse = "False".equals(c.path("status").asText());
            if (isFalse && ("PodScheduled".equals(type) || "Initialized".equals(type))) {
                phase = "Pending";
            }
            Matcher unready = UNREADY.matcher(c.path("message").asText());
            if ("Ready".equals(type) && isFalse && unready.find() && !status.has("containerStatuses")) {
                var statuses = status.putArray("containerStatuses");
                for (String name : unready.group(1).trim().split("\\s+")) {
                    if (!name.isEmpty()) {
                        statuses.addObject().put("name", name).put("ready", false).put("restartCount", 0)
                                .putObject("state").putObject("running");
                    }
                }
            }
        }
        status.put("phase", phase);
        return status;
    }

    private static long known(JsonNode status, java.util.Set<String> keys) {
        long known = 0;
        for (var names = status.fieldNames(); names.hasNext(); ) {
            known += keys.contains(names.next()) ? 1 : 0;
        }
        return known;
    }

    /** An object of {@code kind} named {@code name} in {@code namespace} (null: cluster-scoped) with {@code status}. */
    static com.fasterxml.jackson.databind.node.ObjectNode object(String kind, String name, String namespace,
            JsonNode status) {
        com.fasterxml.jackson.databind.node.ObjectNode object = JsonLogReader.MAPPER.createObjectNode();
        object.put("apiVersion", "v1");
        object.put("kind", kind);
        var metadata = object.putObject("metadata").put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        object.set("status", status);
        return object;
    }

    /** A line of dots alone (the reporter's cut), or YAML's document end marker. */
    private static final Pattern DOTS = Pattern.compile("^\\s*(?:\\.\\.\\.|…)\\s*$");

    /** What starts the next document after YAML's document end marker: {@code ---}, or a new object's first key. */
    private static final Pattern NEXT_DOCUMENT = Pattern.compile("---|(?:apiVersion|kind):");

    /**
     * {@code text} with the reporter's elisions blanked: a {@code ...} line followed by more of the same object (an
     * indented field, {@code   name: x}, or another of its top-level keys, {@code status:}) is a cut, not YAML's
     * document end marker, which is followed by the next document's start ({@code ---}, {@code apiVersion:}) or by
     * nothing. Blank, so line numbers stay.
     */
    static String withoutElisions(String text) {
        if (!text.contains("...") && !text.contains("…")) {
            return text;
        }
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            if (!DOTS.matcher(lines.get(i)).matches()) {
                continue;
            }
            int next = i + 1;
            while (next < lines.size() && lines.get(next).isBlank()) {
                next++;
            }
            if (next < lines.size() && !NEXT_DOCUMENT.matcher(lines.get(next)).lookingAt()) {
                lines.set(i, "");
            }
        }
        return String.join("\n", lines) + (text.endsWith("\n") ? "\n" : "");
    }

    /**
     * A pasted Pod's containers whose {@code name:} line the reporter cut ({@code - image: x}, then {@code ...}) get the
     * placeholder name: the pod is still read, with what its status says (the API server never prints a container
     * without its name, so this changes nothing of a real object's YAML).
     */
    private static void nameCutContainers(JsonNode document) {
        if (!"Pod".equals(document.path("kind").asText())) {
            return;
        }
        int unnamed = 0;
        for (String list : new String[] {"containers", "initContainers"}) {
            for (JsonNode container : document.path("spec").path(list)) {
                if (container.isObject() && !container.hasNonNull("name")) {
                    ((ObjectNode) container).put("name", Unnamed.CONTAINER + (unnamed++ == 0 ? "" : "-" + unnamed));
                }
            }
        }
    }

    static boolean looksLikeYaml(String firstNonBlank) {
        return START.matcher(firstNonBlank).matches();
    }

    /**
     * Every document of {@code text}; a document YAML cannot parse is rejected with its line and the rest of the
     * file is not read (YAML gives no safe place to resume after a syntax error).
     */
    static Converted convert(String file, String text, Consumer<Rejection> rejected) {
        StringBuilder json = new StringBuilder();
        List<Long> starts = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(
                new ByteArrayInputStream(FlatObjectYaml.reindent(withoutElisions(text)).getBytes(StandardCharsets.UTF_8)));
             MappingIterator<JsonNode> documents = YAML.readValues(parser, JsonNode.class)) {
            while (documents.hasNextValue()) {
                long line = parser.currentTokenLocation().getLineNr();
                JsonNode document = documents.nextValue();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue; // an empty document between two markers
                }
                nameCutContainers(document);
                json.append(JsonLogReader.MAPPER.writeValueAsString(document)).append('\n');
                starts.add(line);
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            rejected.accept(new Rejection(file, line, "not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            rejected.accept(new Rejection(file, 0, "not valid YAML: " + e.getMessage()));
        }
        return new Converted(json.toString().getBytes(StandardCharsets.UTF_8), List.copyOf(starts));
    }
}
