package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.recordings.DescribeDocuments.Field;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.incidents.recordings.DescribeDocuments.conditions;
import static dev.incidents.recordings.DescribeDocuments.conditionsOf;
import static dev.incidents.recordings.DescribeDocuments.describeTime;
import static dev.incidents.recordings.DescribeDocuments.pairs;
import static dev.incidents.recordings.DescribeDocuments.putIfPresent;
import static dev.incidents.recordings.DescribeDocuments.resourceMap;

/**
 * {@code kubectl describe node} rebuilt into a Node (labels, taints, capacity/allocatable, conditions, system info),
 * and the events its bad conditions stand for.
 */
final class DescribeNode {
    private static final Pattern TAINT = Pattern.compile("^([^=:\\s]+)(?:=([^:\\s]*))?:(\\w+)$");
    /** The node of a Conditions table pasted without its describe header. */
    static final String UNNAMED_NODE = Unnamed.NODE;
    private static final Set<String> NODE_CONDITIONS = Set.of("MemoryPressure", "DiskPressure", "PIDPressure",
            "OutOfDisk", "NetworkUnavailable");
    /** The event reason the kubelet records when a pressure condition turns True. */
    private static final Map<String, String> BAD_CONDITION_REASONS = Map.of("DiskPressure", "NodeHasDiskPressure",
            "MemoryPressure", "NodeHasInsufficientMemory", "PIDPressure", "NodeHasInsufficientPID",
            "OutOfDisk", "NodeOutOfDisk");

    private DescribeNode() {
    }

    static ObjectNode node(Field root, String name) {
        ObjectNode node = JsonLogReader.MAPPER.createObjectNode();
        node.put("apiVersion", "v1");
        node.put("kind", "Node");
        ObjectNode metadata = node.putObject("metadata");
        metadata.put("name", name);
        metadata.set("labels", pairs(root.child("Labels")));
        putIfPresent(metadata, "creationTimestamp", describeTime(root.text("CreationTimestamp")));
        ObjectNode spec = node.putObject("spec");
        spec.put("unschedulable", "true".equalsIgnoreCase(root.text("Unschedulable")));
        ArrayNode taints = spec.putArray("taints");
        Field taintField = root.child("Taints");
        if (taintField != null) {
            for (String taint : taintField.values()) {
                Matcher m = TAINT.matcher(taint.trim());
                if (m.matches()) {
                    ObjectNode t = taints.addObject().put("key", m.group(1)).put("effect", m.group(3));
                    putIfPresent(t, "value", m.group(2));
                }
            }
        }
        ObjectNode status = node.putObject("status");
        status.set("capacity", resourceMap(root.child("Capacity")));
        status.set("allocatable", resourceMap(root.child("Allocatable")));
        ArrayNode conditions = conditions(conditionsOf(root));
        conditionsFromTaints(taints, conditions);
        status.set("conditions", conditions);
        Field info = root.child("System Info");
        if (info != null) {
            ObjectNode nodeInfo = status.putObject("nodeInfo");
            putIfPresent(nodeInfo, "kubeletVersion", info.text("Kubelet Version"));
            putIfPresent(nodeInfo, "containerRuntimeVersion", info.text("Container Runtime Version"));
        }
        return node;
    }

    /**
     * The conditions the node controller's own taints stand for, where the paste cut the Conditions table before their
     * rows (or left it out): it taints a node {@code node.kubernetes.io/not-ready} while Ready is False,
     * {@code node.kubernetes.io/unreachable} while it is Unknown (the kubelet stopped posting),
     * {@code node.kubernetes.io/disk-pressure} (memory-, pid-) while that pressure condition is True, and removes each
     * taint when its condition clears. A row the table has wins.
     */
    static void conditionsFromTaints(ArrayNode taints, ArrayNode conditions) {
        Set<String> pasted = new HashSet<>();
        conditions.forEach(c -> pasted.add(c.path("type").asText()));
        boolean ready = pasted.contains("Ready");
        for (var taint : taints) {
            String key = taint.path("key").asText();
            String pressure = PRESSURE_TAINTS.get(key);
            if (pressure != null && !pasted.contains(pressure)) {
                conditions.addObject().put("type", pressure).put("status", "True")
                        .put("message", "the node controller's " + key + " taint (its Conditions row was not pasted)");
            } else if (!ready && ("node.kubernetes.io/not-ready".equals(key)
                    || "node.kubernetes.io/unreachable".equals(key))) {
                ready = true;
                boolean unreachable = key.endsWith("unreachable");
                conditions.addObject().put("type", "Ready").put("status", unreachable ? "Unknown" : "False")
                        .put("reason", unreachable ? "NodeStatusUnknown" : "KubeletNotReady")
                        .put("message", "the node controller's " + key + " taint (its Conditions row was not pasted)");
            }
        }
    }

    private static final Map<String, String> PRESSURE_TAINTS = Map.of("node.kubernetes.io/disk-pressure", "DiskPressure",
            "node.kubernetes.io/memory-pressure", "MemoryPressure", "node.kubernetes.io/pid-pressure", "PIDPressure");

    /**
     * True when a Conditions table is a node's: it has heartbeat times (a pod's and a controller's have none), a
     * condition only nodes have, or a reason only the kubelet or the node controller writes ({@code KubeletNotReady},
     * {@code NodeStatusUnknown}). A pasted table may hold only its Ready row, or only a vendor's condition
     * ({@code XidCriticalError}).
     */
    /**
     * {@code kubectl describe nodes | grep -A 10 Conditions}: each node's Conditions table (and what follows it, its
     * Addresses) between grep's {@code --} separators. The ranges of those parts, when there are two or more with a
     * Conditions line each; empty otherwise.
     */
    static List<int[]> grepParts(List<String> lines) {
        List<int[]> parts = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || "--".equals(lines.get(i).strip())) {
                parts.add(new int[] {start, i});
                start = i + 1;
            }
        }
        List<int[]> withConditions = parts.stream().filter(r -> lines.subList(r[0], r[1]).stream()
                .anyMatch(l -> l.strip().equals("Conditions:"))).toList();
        return parts.size() >= 2 && withConditions.size() >= 2 ? withConditions : List.of();
    }

    static boolean isNodeConditions(Field conditions) {
        for (JsonNode c : conditions(conditions)) {
            String reason = c.path("reason").asText();
            if (c.has("lastHeartbeatTime") || NODE_CONDITIONS.contains(c.path("type").asText())
                    || reason.startsWith("Kubelet") || "NodeStatusUnknown".equals(reason)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code kubectl describe node NAME} above fields cut from its output ({@code | grep DiskPressure}, the Conditions
     * table alone): the one node such commands name, else the one its Lease names, else the one node a {@code get
     * nodes} listing of the paste shows NotReady, else {@link #UNNAMED_NODE}.
     */
    private static final Pattern DESCRIBE_NODE_COMMAND = Pattern.compile(KubectlCommands.KUBECTL
            + "[^\\n|]*?\\bdescribe\\s+(?:-{1,2}[a-z][-a-z]*(?:=\\S+)?\\s+)*(?:nodes?|no)(?:/|\\s+)([a-z0-9][-a-z0-9.]*[a-z0-9])\\b");

    static String describedName(List<String> lines) {
        String name = onlyName(lines, DESCRIBE_NODE_COMMAND);
        if (name != null) {
            return name;
        }
        String holder = leaseHolder(lines);
        if (!UNNAMED_NODE.equals(holder)) {
            return holder;
        }
        // the Addresses section's Hostname: the kubelet registers its node under the host's name, lowercased, unless
        // told another
        String hostname = onlyName(lines, HOSTNAME_ADDRESS);
        if (hostname != null && !UNNAMED_NODE.equals(hostname)) {
            return hostname.toLowerCase(Locale.ROOT);
        }
        // conditions cut from a describe beside a `get nodes` listing with one node not Ready: that node's
        String notReady = onlyName(lines, NOT_READY_ROW);
        return notReady != null ? notReady : UNNAMED_NODE;
    }

    /** A {@code kubectl get nodes} row of a node not Ready ({@code minikube-m02   NotReady   <none>   19d   v1.37.0}). */
    private static final Pattern NOT_READY_ROW = Pattern.compile(
            "^\\s*([a-z0-9][-a-z0-9.]*[a-z0-9])\\s+NotReady(?:,SchedulingDisabled)?\\s+(?:\\S+\\s+)?\\d+[smhdy]");

    /**
     * The node a describe's {@code Lease:} section names ({@code HolderIdentity:  kiml-test-monitor1}): the kubelet's
     * node lease is held in the node's name, so a describe cut above its {@code Name:} still says whose it is. The one
     * holder the lines name, else {@link #UNNAMED_NODE}.
     */
    private static String leaseHolder(List<String> lines) {
        String holder = onlyName(lines, LEASE_HOLDER);
        return holder == null ? UNNAMED_NODE : holder;
    }

    /** The one node {@code pattern}'s first group names over {@code lines}; null when none, unnamed when they differ. */
    private static String onlyName(List<String> lines, Pattern pattern) {
        String name = null;
        for (String line : lines) {
            Matcher named = pattern.matcher(line);
            while (named.find()) {
                if (name != null && !name.equals(named.group(1))) {
                    return UNNAMED_NODE;
                }
                name = named.group(1);
            }
        }
        return name;
    }

    private static final Pattern HOSTNAME_ADDRESS = Pattern.compile("^\\s+Hostname:\\s+([A-Za-z0-9][-A-Za-z0-9.]*[A-Za-z0-9])\\s*$");
    private static final Pattern LEASE_HOLDER = Pattern.compile("^\\s+HolderIdentity:\\s+([a-z0-9][-a-z0-9.]*[a-z0-9])\\s*$");

    /**
     * The message of the event a node's condition stands for: {@code Node x status is now: NodeNotReady (Ready=False,
     * KubeletNotReady): container runtime network not ready: ...}, the condition's reason and message when known.
     */
    static String statusMessage(String node, String eventReason, String type, String status, String reason,
                                String message) {
        return "Node " + node + " status is now: " + eventReason + " (" + type + "=" + status
                + (reason != null ? ", " + reason : "") + ")" + (message != null ? ": " + message : "");
    }

    /**
     * A described node's conditions are often all a paste shows of a sick node, and there is no node signal in the
     * schemas: as with a Deployment's ReplicaFailure, each condition that is bad becomes the event the kubelet or
     * node controller records for it ({@code NodeNotReady}, {@code NodeHasDiskPressure}, ...), first seen at the
     * condition's last transition, last seen at its last heartbeat, the condition's reason and message appended
     * (unless the describe's Events table has that event already).
     */
    static List<ObjectNode> conditionEvents(ObjectNode node, List<String> tableReasons, Instant now) {
        List<ObjectNode> events = new ArrayList<>();
        String name = JsonFields.text(node, "metadata", "name");
        for (JsonNode c : node.path("status").path("conditions")) {
            String type = c.path("type").asText();
            String status = c.path("status").asText();
            String reason = "Ready".equals(type) ? ("True".equals(status) ? null : "NodeNotReady")
                    : "True".equals(status) ? BAD_CONDITION_REASONS.get(type) : null;
            if (reason == null || tableReasons.contains(reason)) {
                continue; // the Events table already has the kubelet's own event for it
            }
            String message = statusMessage(name, reason, type, status, c.hasNonNull("reason") ? c.get("reason").asText()
                    : null, c.hasNonNull("message") ? c.get("message").asText() : null);
            String first = c.hasNonNull("lastTransitionTime") ? c.get("lastTransitionTime").asText() : now.toString();
            String last = c.hasNonNull("lastHeartbeatTime") ? c.get("lastHeartbeatTime").asText() : now.toString();
            if (last.compareTo(first) < 0) {
                last = first;
            }
            ObjectNode event = JsonLogReader.MAPPER.createObjectNode();
            event.put("apiVersion", "v1");
            event.put("kind", "Event");
            event.putObject("metadata").put("name", name + "." + type.toLowerCase(Locale.ROOT)).put("namespace", "default");
            event.putObject("involvedObject").put("kind", "Node").put("name", name);
            event.put("reason", reason);
            event.put("message", message);
            event.put("type", "Ready".equals(type) ? "Normal" : "Warning");
            event.putObject("source").put("component", "kubelet").put("host", name);
            event.put("count", 1);
            event.put("firstTimestamp", first);
            event.put("lastTimestamp", last);
            events.add(event);
        }
        return events;
    }
}
