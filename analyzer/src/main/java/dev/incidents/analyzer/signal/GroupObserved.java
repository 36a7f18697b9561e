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

    @Override
    public Optional<String> pod() {
        return Optional.empty();
    }

    @Override
    public Optional<String> node() {
        return Optional.empty();
    }
}
