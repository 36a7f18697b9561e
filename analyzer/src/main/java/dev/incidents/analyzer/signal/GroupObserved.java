package dev.incidents.analyzer.signal;

import dev.incidents.schemas.PodGroupSnapshot;
import java.time.Instant;
import java.util.Optional;

/**
 * A gang object's snapshot (a Volcano or coscheduling PodGroup, a Kueue Workload): the group's minMember, its counts
 * and its phase, which the members' own snapshots cannot tell.
 */
public record GroupObserved(PodGroupSnapshot snapshot, Instant time) implements Signal {

    public static GroupObserved of(PodGroupSnapshot group) {
        return new GroupObserved(group, group.getObservedAt());
    }

    /** kubectl's resource of the object: {@code podgroups.scheduling.volcano.sh}, {@code workloads.kueue.x-k8s.io}. */
    public String resource() {
        String apiVersion = snapshot.getApiVersion();
        String apiGroup = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : apiVersion;
        return ("Workload".equals(snapshot.getKind()) ? "workloads." : "podgroups.") + apiGroup;
    }

    @Override
    public Optional<String> pod() {
        return Optional.empty();
    }

    @Override
    public Optional<String> node() {
        return Optional.empty();
    }
}
