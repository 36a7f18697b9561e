package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.correlate.PodState;
import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.GangVerdict;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.GangLabels;
import dev.incidents.analyzer.signal.GroupObserved;
import dev.incidents.analyzer.signal.PodDeleted;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Condition;
import dev.incidents.schemas.PodGroupSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A gang (pods that must run together) partly placed: some members hold their nodes and GPUs, the others stay Pending,
 * so the group stays below its minimum, nothing works, and the placed members waste what they hold. Two kinds of
 * evidence, both already in the input:
 * <ul>
 *   <li>Volcano's own counts ({@link GangVerdict}: {@code pod group is not ready, 20 minAvailable, 8 Running}) on the
 *       PodGroup or on a pending member, when some members are placed and fewer than minAvailable;</li>
 *   <li>the members' snapshots ({@link GangLabels}): a member Pending without a node while another member of the same
 *       group has one, and the scheduler's {@code FailedScheduling} on such a waiting member.</li>
 * </ul>
 * Where the shipper watches the gang objects (a Volcano or coscheduling PodGroup, a Kueue Workload), the group's own
 * minMember decides instead of the members present: an elastic group (minMember below its replicas) with minMember
 * members placed is running as designed while its extra members wait, and the group's phase {@code Unknown}
 * (Volcano and coscheduling: part of minMember placed, the rest unschedulable) is evidence of its own.
 * A gang being placed takes seconds, its members landing one after another: the category's grace (90 s of
 * scheduling) keeps that clean, and the grace counts from when the partial placement was first seen, never from an
 * older {@code FailedScheduling} of the whole group waiting for capacity. The scheduling categories of the waiting
 * members (no free GPU, fragmentation) yield to this one: the waiting members are why, the gang is what is broken.
 */
public final class GangPartiallyPlacedDetector implements Detector {

    @Override
    public Category category() {
        return Category.GANG_PARTIALLY_PLACED;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        return findings(signal, subject).stream().findFirst();
    }

    @Override
    public List<Finding> findings(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e) {
            return fromEvent(e, subject).stream().toList();
        }
        if (signal instanceof PodObserved p) {
            return fromSnapshot(p, subject);
        }
        if (signal instanceof GroupObserved g) {
            return fromGroup(g).stream().toList();
        }
        return List.of();
    }

    /**
     * The group's own word: phase {@code Unknown} with members running (both schedulers' phase for "part of minMember
     * placed, the others cannot be"), or Volcano's verdict in its {@code Unschedulable} condition. Kueue's Workload
     * says nothing of placement (admission is quota, not nodes), so it only sizes the gang.
     */
    private static Optional<Finding> fromGroup(GroupObserved g) {
        PodGroupSnapshot group = g.snapshot();
        Facts facts = Facts.empty().with(Fact.GROUP_OBJECT, Optional.of(g.resource() + "/" + group.getName()));
        for (Condition c : group.getConditions()) {
            if ("Unschedulable".equals(c.getType()) && "True".equals(c.getStatus()) && c.getMessage() != null) {
                Optional<GangVerdict> verdict = GangVerdict.parse(c.getMessage()).filter(GangVerdict::partlyPlaced);
                if (verdict.isPresent()) {
                    return Optional.of(fromGroup(group, facts.and(counts(verdict.get())), g.time(), c.getReason(),
                            c.getMessage()));
                }
            }
        }
        int running = group.getRunning() == null ? 0 : group.getRunning();
        Integer minMember = group.getMinMember();
        if ("Unknown".equals(group.getPhase()) && minMember != null && running > 0 && running < minMember) {
            Facts counted = facts.and(Facts.of(Fact.PLACED, Integer.toString(running),
                    Fact.MIN_MEMBER, Integer.toString(minMember)).withClue(Clue.GANG_BELOW_MIN_MEMBER));
            return Optional.of(fromGroup(group, counted, g.time(), "Unknown",
                    "phase Unknown: " + running + " of minMember " + minMember + " running"));
        }
        return Optional.empty();
    }

    private static Finding fromGroup(PodGroupSnapshot group, Facts facts, java.time.Instant time, String reason,
                                     String message) {
        return new Finding(group.getKind() + "/" + group.getName(), Optional.empty(), Optional.empty(), facts,
                group.getKind() + "/" + group.getName() + "/" + reason, 1, time, time, group.getKind(), group.getName(),
                reason == null ? "Unschedulable" : reason, message, false, Optional.empty());
    }


    private static Optional<Finding> fromEvent(EventSignal e, SubjectView subject) {
        boolean verdictReason = "Unschedulable".equals(e.reason()) || "FailedScheduling".equals(e.reason());
        Optional<GangVerdict> verdict = verdictReason ? GangVerdict.parse(e.message()) : Optional.empty();
        Optional<PodState> member = subject.pod(e.pod()).filter(p -> p.gang != null);
        Facts facts = Facts.empty();
        if (member.isPresent()) {
            facts = groupFacts(member.get().gang);
        } else if (e.pod().isEmpty() && "PodGroup".equals(e.involvedKind())) {
            facts = facts.with(Fact.GROUP_OBJECT, podGroupObject(e));
        }
        if (verdict.isPresent() && verdict.get().partlyPlaced()) {
            // the counts are in the message, and a repeated event repeats its message: the group has stood like
            // this since the event's first time
            return Optional.of(Findings.of(e, facts.and(counts(verdict.get()))));
        }
        if ("FailedScheduling".equals(e.reason()) && member.isPresent() && member.get().node == null) {
            Optional<Placement> placement = Placement.of(subject, member.get().gang);
            if (placement.isPresent() && placement.get().partial()) {
                return Optional.of(sinceSeen(Findings.of(e, facts.and(placement.get().facts()))));
            }
        }
        return Optional.empty();
    }

    /**
     * A member's snapshot, while another member of its group holds a node: the member itself when the scheduler
     * marked it unschedulable ({@code PodScheduled=False}, its message the evidence), or, when it is the one placed,
     * each member still waiting that the scheduler already refused ({@code FailedScheduling}). A member merely created
     * and not yet tried is not waiting: a gang's members are placed one after another within seconds.
     */
    private static List<Finding> fromSnapshot(PodObserved p, SubjectView subject) {
        Optional<String> group = GangLabels.group(p.snapshot());
        if (group.isEmpty()) {
            return List.of();
        }
        Optional<Placement> placement = Placement.of(subject, group.get());
        if (placement.isEmpty() || !placement.get().partial()) {
            return List.of();
        }
        Placement found = placement.get();
        Facts facts = groupFacts(group.get()).and(found.facts());
        String name = p.snapshot().getName();
        if (found.waiting().contains(name)) {
            Optional<Condition> unscheduled = unscheduled(p);
            if (unscheduled.isEmpty()) {
                return List.of();
            }
            String message = unscheduled.get().getMessage() == null ? "PodScheduled=False"
                    : unscheduled.get().getMessage();
            Optional<GangVerdict> verdict = GangVerdict.parse(message).filter(GangVerdict::partlyPlaced);
            if (verdict.isPresent()) {
                facts = facts.and(counts(verdict.get()));
            }
            return List.of(waiting(name, facts, p.time(), "Unschedulable", message));
        }
        List<Finding> out = new ArrayList<>();
        for (String waiting : found.waiting()) {
            if (subject.pods().get(waiting).failedScheduling) {
                out.add(waiting(waiting, facts, p.time(), "Pending", "still Pending after FailedScheduling while "
                        + name + " of the same gang holds " + p.node().orElse("its node")));
            }
        }
        return out;
    }

    private static Finding waiting(String pod, Facts facts, java.time.Instant time, String reason, String message) {
        return new Finding(pod, Optional.of(pod), Optional.empty(), facts.with(Fact.POD, pod),
                pod + "/GangMemberPending", 1, time, time, "Pod", pod, reason, message, false, Optional.empty());
    }

    /**
     * Scheduling recovery per member (Scheduled, or a snapshot with a node), the group's own {@code Scheduled} ("pod
     * group is ready"), and a group left with no member placed: then nothing holds nodes in vain any more.
     */
    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && e.pod().isEmpty() && "PodGroup".equals(e.involvedKind())
                && "Scheduled".equals(e.reason())) {
            return Optional.of(Recovery.all("recovered: " + e.involvedKind() + " " + e.involvedName() + " "
                    + e.message()));
        }
        if ((signal instanceof PodDeleted || signal instanceof PodObserved) && noMemberPlaced(subject)) {
            return Optional.of(Recovery.all("recovered: no member of the group holds a node any more"));
        }
        if (signal instanceof GroupObserved g && g.snapshot().getMinMember() != null && g.snapshot().getRunning() != null
                && g.snapshot().getRunning() >= g.snapshot().getMinMember() && g.snapshot().getMinMember() > 0) {
            return Optional.of(Recovery.all("recovered: " + g.snapshot().getKind() + " " + g.snapshot().getName() + " has "
                    + g.snapshot().getRunning() + " of minMember " + g.snapshot().getMinMember() + " running"));
        }
        if (signal instanceof PodObserved p) {
            Optional<Placement> placement = GangLabels.group(p.snapshot()).flatMap(group -> Placement.of(subject, group));
            if (placement.isPresent() && placement.get().satisfied()) {
                return Optional.of(Recovery.all("recovered: " + placement.get().placed().size() + " of minMember "
                        + placement.get().minMember() + " members hold their nodes"));
            }
        }
        return PhaseRecovery.of(category().phase(), signal);
    }

    /** The subject knows gang members, and none of them is on a node. */
    private static boolean noMemberPlaced(SubjectView subject) {
        boolean members = false;
        for (PodState pod : subject.pods().values()) {
            if (pod.gang != null) {
                if (pod.node != null) {
                    return false;
                }
                members = true;
            }
        }
        return members;
    }

    private static Finding sinceSeen(Finding f) {
        return f.since(f.time());
    }

    private static Facts counts(GangVerdict verdict) {
        return Facts.of(Fact.PLACED, Integer.toString(verdict.placed()),
                Fact.MIN_MEMBER, Integer.toString(verdict.minAvailable())).withClue(Clue.GANG_BELOW_MIN_MEMBER);
    }

    /** The group's selector (none for an annotation's group: no {@code -l} command then) and its object. */
    private static Facts groupFacts(String group) {
        Facts object = Facts.empty().with(Fact.GROUP_OBJECT, GangLabels.groupObject(group));
        return GangLabels.selectable(group) ? object.with(Fact.GROUP_SELECTOR, group) : object;
    }

    /** {@code podgroups.scheduling.volcano.sh/<name>} from the event's apiVersion; the short name when none is given. */
    private static String podGroupObject(EventSignal e) {
        String apiVersion = e.event().getInvolvedObject().getApiVersion();
        String resource = apiVersion == null || !apiVersion.contains("/") ? "podgroups"
                : "podgroups." + apiVersion.substring(0, apiVersion.indexOf('/'));
        return resource + "/" + e.involvedName();
    }

    private static Optional<Condition> unscheduled(PodObserved p) {
        for (Condition c : p.snapshot().getConditions()) {
            if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The members of one group known to the subject: those on a node (name to node) and those waiting for one. */
    private record Placement(Map<String, String> placed, List<String> waiting, int minMember) {

        static Optional<Placement> of(SubjectView subject, String group) {
            Map<String, String> placed = new TreeMap<>();
            List<String> waiting = new ArrayList<>();
            for (Map.Entry<String, PodState> pod : subject.pods().entrySet()) {
                if (group.equals(pod.getValue().gang)) {
                    if (pod.getValue().node != null) {
                        placed.put(pod.getKey(), pod.getValue().node);
                    } else {
                        waiting.add(pod.getKey());
                    }
                }
            }
            waiting.sort(null);
            int minMember = subject.groupOf(group).map(g -> g.minMember).orElse(-1);
            return placed.isEmpty() && waiting.isEmpty() ? Optional.empty()
                    : Optional.of(new Placement(placed, waiting, minMember));
        }

        /** Members placed and others waiting; where the group's minMember is known, fewer placed than it. */
        boolean partial() {
            return !placed.isEmpty() && !waiting.isEmpty() && (minMember <= 0 || placed.size() < minMember);
        }

        /** The group's minMember is known and that many members hold nodes: an elastic group's extras may wait. */
        boolean satisfied() {
            return minMember > 0 && placed.size() >= minMember;
        }

        Facts facts() {
            if (minMember > 0) {
                return Facts.of(Fact.PLACED, Integer.toString(placed.size()), Fact.MIN_MEMBER, Integer.toString(minMember))
                        .withClue(Clue.GANG_BELOW_MIN_MEMBER);
            }
            return Facts.of(Fact.PLACED, Integer.toString(placed.size())).withClue(Clue.GANG_MEMBERS_WAITING);
        }
    }
}
