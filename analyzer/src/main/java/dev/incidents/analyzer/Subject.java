package dev.incidents.analyzer;

import dev.incidents.schemas.WorkloadRef;
import java.util.Objects;

/**
 * What the analyzer correlates on: a workload ({@code cluster/namespace/Kind/name}) or a node
 * ({@code cluster/node/name}). It is the key of the repartitioned signals, and every incident id is a subject key
 * plus {@code /CATEGORY}, so an incident lives in the same partition (and the same task) as its evidence.
 */
public record Subject(String cluster, String namespace, String kind, String name) {

    /** The {@code kind} of node subjects; their namespace is null. */
    public static final String NODE = "Node";

    public Subject {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static Subject workload(String cluster, String namespace, String kind, String name) {
        return new Subject(cluster, namespace == null ? "" : namespace, kind, name);
    }

    public static Subject node(String cluster, String node) {
        return new Subject(cluster, null, NODE, node);
    }

    public boolean isNode() {
        return namespace == null;
    }

    /** The record key: {@code cluster/namespace/Kind/name} or {@code cluster/node/name}. */
    public String key() {
        return isNode() ? cluster + "/node/" + name : cluster + "/" + namespace + "/" + kind + "/" + name;
    }

    public String incidentId(Category category) {
        return key() + "/" + category.name();
    }

    public WorkloadRef workloadRef() {
        return isNode() ? null : WorkloadRef.newBuilder().setKind(kind).setName(name).build();
    }

    /** Inverse of {@link #key()}. Node keys have three parts, workload keys four (names never contain '/'). */
    public static Subject parse(String key) {
        // By the slashes' positions, not split: the correlator parses its subject's key for every signal and deadline,
        // and split's list and array of parts were 2 % of what a fleet replay allocates
        int first = key.indexOf('/');
        int second = first < 0 ? -1 : key.indexOf('/', first + 1);
        int third = second < 0 ? -1 : key.indexOf('/', second + 1);
        if (second >= 0 && third < 0 && key.startsWith("node", first + 1) && second == first + 5) {
            return node(key.substring(0, first), key.substring(second + 1));
        }
        if (third >= 0 && key.indexOf('/', third + 1) < 0) {
            return workload(key.substring(0, first), key.substring(first + 1, second), key.substring(second + 1, third),
                    key.substring(third + 1));
        }
        throw new IllegalArgumentException("not a subject key: " + key);
    }

    @Override
    public String toString() {
        return key();
    }
}
