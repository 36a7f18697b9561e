package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * A pod's container statuses pasted without the pod ({@code kubectl get pod x -o yaml} cut to what the reporter found
 * telling): one container's {@code lastState:} / {@code state:} blocks, one or more {@code containerStatuses} items, or
 * the {@code containerStatuses:} key alone. They are the status of a pod the paste does not name; its phase is the one
 * the containers imply, since a pod's phase is never pasted with them.
 */
final class ContainerStatusFragment {
    /** The states a container can be in: the one key of a {@code state} or {@code lastState} block. */
    private static final Set<String> STATES = Set.of("running", "waiting", "terminated");
    /** The states a container shows something in, pasted alone: {@code terminated:} and its fields, nothing above. */
    private static final Set<String> TELLING_STATES = Set.of("waiting", "terminated");

    private ContainerStatusFragment() {
    }

    /**
     * The pod status made of the container statuses {@code pasted} holds, or null when it holds anything else (a phase
     * or other pod status keys: the whole status then, read as such). A container's state pasted alone, without the
     * {@code state:} or {@code lastState:} above it, is its state, as it reads.
     */
    static ObjectNode pod(JsonNode pasted) {
        JsonNode statuses = pasted;
        if (pasted != null && pasted.isObject() && pasted.size() == 1 && pasted.path("containerStatuses").isArray()) {
            statuses = pasted.get("containerStatuses");
        } else if (pasted != null && pasted.isObject() && pasted.size() == 1
                && TELLING_STATES.contains(pasted.fieldNames().next())) {
            ObjectNode held = JsonLogReader.MAPPER.createObjectNode();
            held.set("state", pasted);
            statuses = held;
        }
        if (statuses == null || statuses.isEmpty()) {
            return null;
        }
        ArrayNode containers = JsonLogReader.MAPPER.createArrayNode();
        if (statuses.isObject()) {
            if (!isContainerStatus(statuses)) {
                return null;
            }
            containers.add(completed((ObjectNode) statuses));
        } else if (statuses.isArray()) {
            for (JsonNode status : statuses) {
                if (!isContainerStatus(status)) {
                    return null;
                }
                containers.add(completed((ObjectNode) status));
            }
        } else {
            return null;
        }
        ObjectNode pod = JsonLogReader.MAPPER.createObjectNode();
        pod.put("phase", phase(containers));
        pod.set("containerStatuses", containers);
        return pod;
    }

    /**
     * The pod the kubelet's messages in {@code status} (made by {@link #pod}) name with its namespace: a container
     * waiting in {@code CrashLoopBackOff} says {@code back-off 5m0s restarting failed container=x pod=<name>_<namespace>(uid)};
     * null when none does.
     */
    static DescribeEvents.Subject namedPod(ObjectNode status) {
        for (JsonNode c : status.path("containerStatuses")) {
            for (String state : new String[] {"state", "lastState"}) {
                for (JsonNode kind : c.path(state)) {
                    DescribeEvents.Subject named = DescribeEvents.podNamedIn(kind.path("message").asText(null));
                    if (named != null) {
                        return named;
                    }
                }
            }
        }
        return null;
    }

    /** A container's status: a {@code state} or {@code lastState} that is one of the three states, and no kind. */
    private static boolean isContainerStatus(JsonNode status) {
        return status.isObject() && !status.has("kind") && !status.has("phase")
                && (isState(status.path("state")) || isState(status.path("lastState")));
    }

    private static boolean isState(JsonNode state) {
        if (!state.isObject() || state.size() != 1) {
            return false;
        }
        return STATES.contains(state.fieldNames().next());
    }

    /**
     * What the status leaves out, as the kubelet would have it: a name, not ready, and restarted once at least when it
     * has a last state (the kubelet records one only for a container it restarted).
     */
    private static ObjectNode completed(ObjectNode status) {
        ObjectNode container = status.deepCopy();
        if (!container.path("name").isTextual()) {
            container.put("name", "unnamed-container");
        }
        if (!container.has("ready")) {
            container.put("ready", false);
        }
        if (!container.path("restartCount").isNumber()) {
            container.put("restartCount", isState(container.path("lastState")) ? 1 : 0);
        }
        return container;
    }

    /** Pending while no container has started yet (all waiting, none restarted), else Running. */
    private static String phase(ArrayNode containers) {
        for (JsonNode c : containers) {
            if (!c.path("state").has("waiting") || isState(c.path("lastState"))) {
                return "Running";
            }
        }
        return "Pending";
    }
}
