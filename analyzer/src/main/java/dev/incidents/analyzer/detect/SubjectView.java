package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Subject;
import dev.incidents.analyzer.correlate.GroupState;
import dev.incidents.analyzer.correlate.PodState;
import dev.incidents.recordings.Unnamed;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * What a detector may read besides the signal: the subject, what is known about its pods, what the cluster's nodes
 * offer of a resource (from the {@code nodes} global store, through its index) and how many nodes it knows (a count,
 * cheaper than an offer); for a node subject, the accelerator
 * counts it advertised and should advertise before the signal at hand; for a workload, its gang objects.
 */
public record SubjectView(Subject subject, Map<String, PodState> pods, Function<String, ResourceOffer> nodeOffers,
                          IntSupplier nodesObserved, Map<String, Long> acceleratorsAdvertised,
                          Map<String, Long> acceleratorsExpected, Map<String, GroupState> groups) {

    /**
     * Whether this is the cluster's unnamed node while no node of the cluster was observed: a scheduler verdict that
     * every node is out (not ready, out of disk) names none and is routed here ({@code SignalRouting}); it opens only
     * where nothing else is known of the nodes (a paste, a shipper not watching nodes).
     */
    public boolean unnamedNodeOfUnobservedCluster() {
        return Unnamed.NODE.equals(subject.name()) && nodesObserved.getAsInt() == 0;
    }

    /**
     * A Job one of whose pods completed: the attempts that failed before it (restart policy Never: each retry is a new
     * pod, the failed ones left behind) are its history, whatever order their snapshots come in.
     */
    public boolean jobCompleted() {
        return "Job".equals(subject.kind()) && pods.values().stream().anyMatch(pod -> pod.completedAt > 0);
    }

    public Optional<PodState> pod(Optional<String> name) {
        return name.map(pods::get);
    }

    /**
     * The gang object of a group of members ({@code label=value}, see {@code GangLabels}): the object of that name (a
     * coscheduling PodGroup is named by its members' label), else the one whose controller the label names (a
     * Volcano Job's pods carry the Job's name, its PodGroup is {@code <job>-<uid>}), else the workload's only one.
     */
    public Optional<GroupState> groupOf(String gang) {
        if (groups == null || groups.isEmpty()) {
            return Optional.empty();
        }
        String value = gang.substring(gang.indexOf('=') + 1);
        GroupState named = groups.get(value);
        if (named != null) {
            return Optional.of(named);
        }
        for (GroupState group : groups.values()) {
            if (value.equals(group.owner)) {
                return Optional.of(group);
            }
        }
        return groups.size() == 1 ? Optional.of(groups.values().iterator().next()) : Optional.empty();
    }
}
