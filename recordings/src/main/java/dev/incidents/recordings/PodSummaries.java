package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A tool's own summary of pods, saved as JSON: a test or verification script's status file ({@code {"observedAt":
 * "...", "pods": [{"name": "cuda-share-c", "uid": "...", "node": null, "phase": "Pending", "conditions": [...],
 * "containers": [...]}]}}), or pods projected with {@code jq '[.items[] | {name: .metadata.name, phase: .status.phase,
 * conditions: .status.conditions}]'}. Each entry is a pod flattened: its name and phase at the top, with whatever of
 * its metadata, node and status the tool kept under their own names or the API's. Each becomes the Pod it summarises,
 * so its conditions and container statuses read as a pod's do.
 */
final class PodSummaries {
    /** Where such summaries keep a pod's node, besides {@code spec.nodeName}. */
    private static final String[] NODE_KEYS = {"node", "nodeName"};

    private PodSummaries() {
    }

    /**
     * The Pods {@code object} summarises: itself when it is one pod's summary, else the entries of the field that
     * lists summaries; empty when it is neither.
     */
    static List<ObjectNode> pods(JsonNode object) {
        List<ObjectNode> pods = new ArrayList<>();
        if (isSummary(object)) {
            pods.add(pod(object));
            return pods;
        }
        for (JsonNode field : object) {
            if (field.isArray() && !field.isEmpty() && allSummaries(field)) {
                field.forEach(entry -> pods.add(pod(entry)));
            }
        }
        return pods;
    }

    private static boolean allSummaries(JsonNode list) {
        for (JsonNode entry : list) {
            if (!isSummary(entry)) {
                return false;
            }
        }
        return true;
    }

    /** A pod flattened: a name and a pod's phase at the top, no kind and no API metadata. */
    private static boolean isSummary(JsonNode entry) {
        return entry.isObject() && !entry.has("kind") && !entry.has("metadata") && entry.path("name").isTextual()
                && DescribePod.POD_PHASES.contains(entry.path("phase").asText());
    }

    private static ObjectNode pod(JsonNode summary) {
        ObjectNode status = JsonLogReader.MAPPER.createObjectNode();
        ObjectNode pod = YamlObjects.object("Pod", summary.get("name").asText(),
                summary.path("namespace").isTextual() ? summary.get("namespace").asText() : "default", status);
        ObjectNode metadata = (ObjectNode) pod.get("metadata");
        copy(summary, "uid", metadata);
        copy(summary, "creationTimestamp", metadata);
        ObjectNode spec = pod.putObject("spec");
        for (String key : NODE_KEYS) {
            if (summary.path(key).isTextual()) {
                spec.put("nodeName", summary.get(key).asText());
                break;
            }
        }
        for (String key : new String[] {"phase", "reason", "message", "conditions", "startTime", "containerStatuses",
                "initContainerStatuses"}) {
            copy(summary, key, status);
        }
        // "containers": the statuses under a shorter name when its entries carry a state (a spec's carry an image only)
        JsonNode containers = summary.path("containers");
        if (!status.has("containerStatuses") && containers.isArray() && !containers.isEmpty()
                && containers.get(0).has("state")) {
            status.set("containerStatuses", (ArrayNode) containers);
        }
        return pod;
    }

    private static void copy(JsonNode from, String key, ObjectNode to) {
        JsonNode value = from.get(key);
        if (value != null && !value.isNull()) {
            to.set(key, value);
        }
    }
}
