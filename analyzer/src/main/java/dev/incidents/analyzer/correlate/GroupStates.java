package dev.incidents.analyzer.correlate;

import dev.incidents.analyzer.signal.GroupObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.PodGroupSnapshot;
import java.util.Comparator;
import java.util.Map;

/** Keeps {@link SubjectState#groups} up to date from gang object snapshots, before detectors look at them. */
final class GroupStates {

    /** Gang objects remembered per workload: one is the rule (a job has one PodGroup); a few allow for replacements. */
    static final int MAX_GROUPS = 8;

    private GroupStates() {
    }

    static void observe(SubjectState state, Signal signal) {
        if (!(signal instanceof GroupObserved g)) {
            return;
        }
        PodGroupSnapshot snapshot = g.snapshot();
        GroupState group = state.groups.computeIfAbsent(snapshot.getName(), n -> new GroupState());
        group.owner = snapshot.getOwners().isEmpty() ? null : snapshot.getOwners().get(0).getName();
        group.minMember = snapshot.getMinMember() == null ? -1 : snapshot.getMinMember();
        group.lastSeen = Math.max(group.lastSeen, g.time().toEpochMilli());
        if (state.groups.size() > MAX_GROUPS) {
            state.groups.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().lastSeen))
                    .map(Map.Entry::getKey).ifPresent(state.groups::remove);
        }
    }
}
