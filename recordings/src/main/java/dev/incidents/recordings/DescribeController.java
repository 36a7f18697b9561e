package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.recordings.DescribeDocuments.Field;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.incidents.recordings.DescribeDocuments.conditions;
import static dev.incidents.recordings.DescribeDocuments.controlledBy;

/**
 * {@code kubectl describe replicaset|statefulset|daemonset|job|deployment}: who owns what (for resolving Pods to
 * their workload), and a Deployment's {@code ReplicaFailure} condition.
 */
final class DescribeController {
    private static final Pattern NEW_REPLICA_SET = Pattern.compile("^(\\S+)\\s+\\(.*\\)$");

    private DescribeController() {
    }

    /** A controller describe only tells who owns it; the replay uses that to resolve Pods to their workload. */
    static ObjectNode ownedBy(Field root, String kind, String name, String namespace) {
        ObjectNode object = JsonLogReader.MAPPER.createObjectNode();
        object.put("kind", kind);
        ObjectNode metadata = object.putObject("metadata");
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        controlledBy(root, metadata);
        return object;
    }

    /** The Deployment's ReplicaFailure event, then its ReplicaSets owned by it. */
    static List<ObjectNode> deployment(Field root, String name, String namespace, Instant now) {
        List<ObjectNode> objects = new ArrayList<>(replicaFailure(root, name, namespace, now));
        for (String field : List.of("NewReplicaSet", "OldReplicaSets")) {
            Field f = root.child(field);
            if (f == null) {
                continue;
            }
            for (String value : f.values()) {
                for (String part : value.split(",")) {
                    Matcher m = NEW_REPLICA_SET.matcher(part.trim());
                    if (m.matches()) {
                        ObjectNode rs = JsonLogReader.MAPPER.createObjectNode();
                        rs.put("kind", "ReplicaSet");
                        ObjectNode metadata = rs.putObject("metadata");
                        metadata.put("name", m.group(1));
                        metadata.put("namespace", namespace);
                        metadata.putArray("ownerReferences").addObject().put("kind", "Deployment").put("name", name)
                                .put("controller", true);
                        objects.add(rs);
                    }
                }
            }
        }
        return objects;
    }

    /**
     * A Deployment's {@code ReplicaFailure True} condition is the only trace of FailedCreate when only the Deployment
     * was described (the refusals are events of its ReplicaSet). There is no Deployment record in the schemas, so
     * the condition becomes a Warning event {@code ReplicaFailure} on the Deployment naming the new ReplicaSet.
     */
    private static List<ObjectNode> replicaFailure(Field root, String name, String namespace, Instant now) {
        List<ObjectNode> events = new ArrayList<>();
        for (JsonNode c : conditions(root.child("Conditions"))) {
            if (!"ReplicaFailure".equals(c.path("type").asText()) || !"True".equals(c.path("status").asText())) {
                continue;
            }
            String replicaSet = root.text("NewReplicaSet");
            StringBuilder message = new StringBuilder("ReplicaFailure=True");
            if (c.hasNonNull("reason")) {
                message.append(" (").append(c.get("reason").asText()).append(')');
            }
            if (c.hasNonNull("message")) {
                message.append(": ").append(c.get("message").asText());
            }
            if (replicaSet != null && !replicaSet.isBlank() && !replicaSet.startsWith("<none>")) {
                message.append("; new ReplicaSet ").append(replicaSet.trim());
            }
            ObjectNode event = JsonLogReader.MAPPER.createObjectNode();
            event.put("apiVersion", "v1");
            event.put("kind", "Event");
            ObjectNode metadata = event.putObject("metadata");
            metadata.put("name", name + ".replicafailure");
            metadata.put("namespace", namespace);
            event.putObject("involvedObject").put("apiVersion", "apps/v1").put("kind", "Deployment")
                    .put("name", name).put("namespace", namespace);
            event.put("reason", "ReplicaFailure");
            event.put("message", message.toString());
            event.put("type", "Warning");
            event.putObject("source").put("component", "deployment-controller");
            event.put("count", 1);
            event.put("lastTimestamp", now.toString());
            events.add(event);
        }
        return events;
    }
}
