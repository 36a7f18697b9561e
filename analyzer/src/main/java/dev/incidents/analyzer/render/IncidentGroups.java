package dev.incidents.analyzer.render;

import dev.incidents.schemas.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Incidents as on-call receives them: one notification per group. Incidents stay per workload and per node (their ids,
 * DESIGN section 4), but several workloads of a namespace failing alike (three Deployments missing one Secret, the GPU
 * operator's DaemonSets crash-looping for one driver) or several nodes of a cluster (four workers NotReady for want of a
 * CNI) are one problem to whoever is paged. A group is what the README's Alertmanager route groups by ({@code group_by:
 * [cluster, alertname, namespace]}, the labels of {@code AlertmanagerAlert}): the same cluster, category and namespace
 * (node incidents have none), among incidents whose times overlap, a later one joining while the group's newest
 * evidence is at most a quiet period old. A pure function of the incidents: {@code replay} prints the groups of more
 * than one, and the real-world accuracy suite scores a fixture by them.
 */
public final class IncidentGroups {

    /** How far apart two incidents' evidence may be and still be one problem: the default quiet period. */
    static final Duration OVERLAP = Duration.ofMinutes(15);

    /** What grouping needs of an incident, small enough to keep for every incident of a long replay. */
    public record Member(String id, String cluster, String namespace, String category, String subject,
                         Instant firstSeen, Instant lastSeen) {

        public static Member of(Incident i) {
            String namespace = i.getNamespace() == null || i.getNamespace().isEmpty() ? null : i.getNamespace();
            return new Member(i.getId(), i.getCluster(), namespace, i.getCategory(), IncidentConsole.subject(i),
                    i.getFirstSeen(), i.getLastSeen());
        }
    }

    /** One group: its members in first-seen order. */
    public record Group(String cluster, String namespace, String category, List<Member> members) {

        /** The group in one line: what, where, how many, which. */
        public String describe() {
            String which = members.stream().map(Member::subject)
                    .map(s -> namespace != null && s.startsWith(namespace + "/") ? s.substring(namespace.length() + 1) : s)
                    .collect(Collectors.joining(", "));
            return category + (namespace != null ? " in " + namespace : "") + " (cluster " + cluster + "): "
                    + members.size() + " alike: " + which;
        }
    }

    private IncidentGroups() {
    }

    /** The groups of {@code incidents}, each incident in exactly one, in the order of their first members. */
    public static List<Group> of(List<Member> incidents) {
        List<Member> byTime = new ArrayList<>(incidents);
        byTime.sort(Comparator.comparing(Member::firstSeen).thenComparing(Member::id));
        List<Group> groups = new ArrayList<>();
        List<Instant> newest = new ArrayList<>();
        for (Member incident : byTime) {
            int joined = -1;
            for (int g = groups.size() - 1; g >= 0 && joined < 0; g--) {
                if (sameProblem(groups.get(g), incident)
                        && !incident.firstSeen().isAfter(newest.get(g).plus(OVERLAP))) {
                    joined = g;
                }
            }
            if (joined < 0) {
                groups.add(new Group(incident.cluster(), incident.namespace(), incident.category(),
                        new ArrayList<>(List.of(incident))));
                newest.add(incident.lastSeen());
            } else {
                groups.get(joined).members().add(incident);
                if (incident.lastSeen().isAfter(newest.get(joined))) {
                    newest.set(joined, incident.lastSeen());
                }
            }
        }
        return groups.stream().map(g -> new Group(g.cluster(), g.namespace(), g.category(), List.copyOf(g.members())))
                .toList();
    }

    /** The groups of whole incidents (tests and small replays). */
    public static List<Group> ofIncidents(List<Incident> incidents) {
        return of(incidents.stream().map(Member::of).toList());
    }

    private static boolean sameProblem(Group group, Member incident) {
        return group.cluster().equals(incident.cluster()) && group.category().equals(incident.category())
                && Objects.equals(group.namespace(), incident.namespace());
    }
}
