package dev.incidents.analyzer.render;

import dev.incidents.schemas.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Members a group's line names; the rest are counted. */
    static final int NAMED = 10;

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

        /**
         * The group in one line: what, where, how many, which (the first {@link #NAMED} of them: a fleet's hundred nodes
         * NotReady at once read as a count, not as a line of a hundred names).
         */
        public String describe() {
            String which = members.stream().limit(NAMED).map(Member::subject)
                    .map(s -> namespace != null && s.startsWith(namespace + "/") ? s.substring(namespace.length() + 1) : s)
                    .collect(Collectors.joining(", "));
            if (members.size() > NAMED) {
                which += " and " + (members.size() - NAMED) + " more";
            }
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
        // the groups of each problem, by index: an incident is compared with its own problem's groups only, the latest
        // first, so a long replay's thousands of groups are not all walked for every incident
        Map<Problem, List<Integer>> byProblem = new HashMap<>();
        for (Member incident : byTime) {
            List<Integer> same = byProblem.computeIfAbsent(Problem.of(incident), p -> new ArrayList<>());
            int joined = -1;
            for (int k = same.size() - 1; k >= 0 && joined < 0; k--) {
                if (!incident.firstSeen().isAfter(newest.get(same.get(k)).plus(OVERLAP))) {
                    joined = same.get(k);
                }
            }
            if (joined < 0) {
                same.add(groups.size());
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

    /** The groups of more than one incident: what is worth saying as a group. */
    public static List<Group> alike(List<Member> incidents) {
        return of(incidents).stream().filter(g -> g.members().size() > 1).toList();
    }

    /** The groups of whole incidents (tests and small replays). */
    public static List<Group> ofIncidents(List<Incident> incidents) {
        return of(incidents.stream().map(Member::of).toList());
    }

    /** What makes incidents one problem, time aside: the Alertmanager route's {@code group_by} labels. */
    private record Problem(String cluster, String namespace, String category) {
        static Problem of(Member incident) {
            return new Problem(incident.cluster(), incident.namespace(), incident.category());
        }
    }
}
