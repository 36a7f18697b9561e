package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.correlate.PodState;
import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.FailedSchedulingMessage;
import dev.incidents.analyzer.messages.GangVerdict;
import dev.incidents.analyzer.messages.KubeletAdmission;
import dev.incidents.analyzer.messages.QueueVerdict;
import dev.incidents.analyzer.messages.ScaleUpVerdict;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The five SCHEDULING categories share one piece of evidence, a {@code FailedScheduling} event, and differ by its
 * blocking reason (ranked by {@link FailedSchedulingMessage#category()}). Each category is its own subclass so the
 * detector, catalog and fixture sets line up one to one.
 */
public abstract class SchedulingDetector extends CategoryDetector {


    protected SchedulingDetector(Category category) {
        super(category);
    }

    /** Kubelet refusals alone open only once they go on this long: a node's restart refuses a burst, then admits. */
    static final java.time.Duration REFUSALS_SPAN = java.time.Duration.ofMinutes(2);

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        Optional<KubeletAdmission> refused = refusal(signal);
        if (refused.isPresent()) {
            return refused.filter(r -> r.category() == category()).map(r -> refusedFinding(signal, r));
        }
        if (signal instanceof PodObserved p) {
            return category() == Category.UNTOLERATED_TAINT ? pinnedNodeTainted(p, subject) : Optional.empty();
        }
        if (!(signal instanceof EventSignal e)) {
            return Optional.empty();
        }
        // cluster-autoscaler only looks at pods the scheduler marked unschedulable, so its verdicts are scheduling
        // evidence too; its reasons are per node group, so they count only when the scheduler's own FailedScheduling
        // (per node, the better verdict) is not there (expired, or not pasted)
        Optional<QueueVerdict> queued = e.pod().isPresent() ? wholeGangWaits(e, subject)
                : QueueVerdict.parse(e.reason(), e.message());
        if (queued.isPresent()) {
            Category held = queued.get().accelerator() ? Category.INSUFFICIENT_GPU : Category.INSUFFICIENT_RESOURCES;
            return held == category()
                    ? Optional.of(Findings.of(e, Facts.empty().with(Fact.RESOURCE, queued.get().resource())
                            .withClue(queued.get().clue())))
                    : Optional.empty();
        }
        boolean autoscalerVerdict = ScaleUpVerdict.isVerdict(e.reason())
                || "FailedScheduling".equals(e.reason()) && ScaleUpVerdict.isProvisionerVerdict(e.message());
        Optional<PodState> pod = subject.pod(e.pod());
        if (autoscalerVerdict && pod.map(p -> p.failedScheduling).orElse(false)) {
            return besideSchedulerVerdict(e, pod.get());
        }
        if (autoscalerVerdict && ScaleUpVerdict.reasonsCut(e.message())) {
            return Optional.empty();
        }
        boolean scaleUpVerdict = autoscalerVerdict;
        // KAI Scheduler reports its fit errors on the pod as Unschedulable rather than FailedScheduling, HAMi's
        // extender as FilteringFailed (its other FilteringFailed messages are its own errors, not verdicts)
        boolean schedulerVerdict = "FailedScheduling".equals(e.reason())
                || "Unschedulable".equals(e.reason()) && e.pod().isPresent()
                || "FilteringFailed".equals(e.reason()) && FailedSchedulingMessage.isDeviceFilterVerdict(e.message());
        if (!schedulerVerdict && !scaleUpVerdict) {
            return Optional.empty();
        }
        FailedSchedulingMessage message = FailedSchedulingMessage.parse(e.message());
        Optional<Category> category = message.category();
        Optional<String> pinnedTo = pod.map(p -> p.pinnedNode);
        boolean pinnedNodeTainted = schedulerVerdict && pinnedTo.isPresent()
                && category.filter(Category.NODE_SELECTOR_MISMATCH::equals).isPresent()
                && message.pinnedNodeTaint().isPresent();
        if (pinnedNodeTainted) {
            // the pod may go to one node only, and that node is the one counted under a taint
            category = Optional.of(Category.UNTOLERATED_TAINT);
        }
        Optional<String> accelerator = Optional.empty();
        boolean placement = category.filter(c -> c == Category.NODE_SELECTOR_MISMATCH
                || c == Category.UNTOLERATED_TAINT).isPresent();
        if (scaleUpVerdict && (category.isEmpty() || placement && ScaleUpVerdict.fittingGroupCannotGrow(e.message()))) {
            // "max node group size reached", "GCE quota exceeded", "in backoff after failed scale-up": a group that
            // fits exists (the other groups' selector or taint mismatches are incidental) or no fit reason is given,
            // so capacity keeps the pod pending and the pod's own requests decide which
            accelerator = subject.pod(e.pod()).flatMap(p -> p.requests.keySet().stream().findFirst());
            category = Optional.of(accelerator.isPresent() || ScaleUpVerdict.mentionsAccelerator(e.message())
                    ? Category.INSUFFICIENT_GPU : Category.INSUFFICIENT_RESOURCES);
        }
        if (category.filter(category()::equals).isEmpty()) {
            return Optional.empty();
        }
        Facts facts = message.facts();
        if (!facts.has(Fact.RESOURCE)) {
            facts = facts.with(Fact.RESOURCE, message.acceleratorResource().isPresent()
                    ? message.acceleratorResource() : accelerator);
        }
        if (scaleUpVerdict) {
            facts = facts.withClue(ScaleUpVerdict.clue(e.message()));
        }
        if (pinnedNodeTainted) {
            facts = facts.with(Fact.NODE, pinnedTo);
        }
        return Optional.of(Findings.of(e, facts));
    }

    /**
     * A pending pod's snapshot showing it pinned to one node ({@link PodState#pinnedNode}) after the scheduler counted
     * a taint beside nodes failing its selector ({@link PodState#taintBesideSelector}): that node is the tainted one.
     * Live, the snapshot comes first and the verdict decides ({@link #examine}); a pasted describe's pod comes after
     * its events, and its snapshot decides.
     */
    private static Optional<Finding> pinnedNodeTainted(PodObserved p, SubjectView subject) {
        Optional<PodState> pod = subject.pod(p.pod());
        // a verdict naming no taint leaves none (the selector's candidate would not yield to it)
        if (pod.isEmpty() || pod.get().pinnedNode == null || pod.get().taintBesideSelector == null
                || p.snapshot().getNodeName() != null || !"Pending".equals(p.snapshot().getPhase())) {
            return Optional.empty();
        }
        PodState pinned = pod.get();
        return Optional.of(Findings.of(p, "FailedScheduling", "pod pinned to node " + pinned.pinnedNode
                + " by its node selector or affinity, which the scheduler counts under an untolerated taint",
                Facts.empty().with(Fact.NODE, pinned.pinnedNode).with(Fact.TAINT, pinned.taintBesideSelector)));
    }

    /**
     * The kubelet refusing a pod already bound to its node for a check the scheduler makes too ({@link
     * KubeletAdmission}: {@code OutOfcpu}, {@code NodeAffinity}), as an event on the pod or as the reason of a pod that
     * ended {@code Failed}: evidence for the category of that check, proven the kubelet's ({@code KUBELET_REJECTED}).
     */
    private static Optional<KubeletAdmission> refusal(Signal signal) {
        if (signal instanceof EventSignal e && e.pod().isPresent()) {
            return KubeletAdmission.parse(e.reason(), e.message());
        }
        if (signal instanceof PodObserved p && "Failed".equals(p.snapshot().getPhase())) {
            return KubeletAdmission.parse(p.snapshot().getReason(), p.snapshot().getMessage());
        }
        return Optional.empty();
    }

    private static Finding refusedFinding(Signal signal, KubeletAdmission refusal) {
        if (signal instanceof EventSignal e) {
            return Findings.of(e, refusal.facts());
        }
        PodObserved p = (PodObserved) signal;
        String reason = p.snapshot().getReason();
        Instant created = p.snapshot().getCreationTimestamp();
        boolean stayed = created != null && Duration.between(created, p.time()).compareTo(REFUSALS_SPAN) >= 0;
        return Findings.of(p, reason, refusal.raw().isBlank() ? reason : refusal.raw(),
                stayed ? refusal.facts().withClue(Clue.REFUSED_POD_STAYS_FAILED) : refusal.facts());
    }

    /**
     * The phase's recovery signals, but a pod the kubelet refused shows itself bound to its node, which is no
     * recovery: it ended there. Its part ends when it is deleted, or goes quiet.
     */
    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        boolean refusedPod = signal instanceof PodObserved && refusal(signal).isPresent();
        return refusedPod ? Optional.empty() : PhaseRecovery.of(category().phase(), signal);
    }

    /**
     * The scheduler's verdict is enough by itself (the grace judges how long it lasts); the kubelet's refusals alone,
     * only once they have gone on for {@link #REFUSALS_SPAN}: a node restarting refuses the pods bound to it while
     * its labels and room are not yet synced, all in one burst, and their replacements run (kubernetes#109663); a pod
     * bound past the scheduler to a node without room is refused again with every copy its controller makes. A
     * refused pod seen still Failed that long after it was created ({@link Clue#REFUSED_POD_STAYS_FAILED}, a describe
     * or a listing of it) has gone on that long by itself.
     */
    @Override
    public boolean sufficient(EvidenceSummary evidence) {
        return !evidence.onlyClue(Clue.KUBELET_REJECTED) || evidence.span().compareTo(REFUSALS_SPAN) >= 0;
    }

    /**
     * Volcano's gang verdict on a member pod when no member is placed ({@code 3/3 tasks in gang unschedulable: pod
     * group is not ready, 3 Pending, 3 minAvailable; Pending: 3 Undetermined}): the whole gang waits for room, a
     * queue's capacity or nodes that cannot take all of it at once, as the group's own verdict says ({@link
     * QueueVerdict}). With some members placed it is a partial placement, the gang detector's.
     */
    private static Optional<QueueVerdict> wholeGangWaits(EventSignal e, SubjectView subject) {
        if (!"FailedScheduling".equals(e.reason())
                || GangVerdict.parse(e.message()).filter(g -> g.placed() == 0).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QueueVerdict(subject.pod(e.pod()).flatMap(SchedulingDetector::acceleratorRequested),
                Clue.GANG_NOT_PLACEABLE));
    }

    /**
     * The autoscaler's verdict on a GPU pod the scheduler already reported: the scheduler's reasons (per node) decide
     * the category, the autoscaler's say why no node is coming (its group at its maximum, the cloud's quota). It joins
     * the pod's INSUFFICIENT_GPU as evidence with its clue. A pod whose requests name no accelerator is left to the
     * scheduler's verdict alone rather than guessed into a second incident.
     */
    private Optional<Finding> besideSchedulerVerdict(EventSignal e, PodState pod) {
        Optional<String> accelerator = acceleratorRequested(pod);
        if (category() != Category.INSUFFICIENT_GPU || !ScaleUpVerdict.fittingGroupCannotGrow(e.message())
                || accelerator.isEmpty() && !ScaleUpVerdict.mentionsAccelerator(e.message())) {
            return Optional.empty();
        }
        return Optional.of(Findings.of(e, Facts.empty().with(Fact.RESOURCE, accelerator)
                .withClue(ScaleUpVerdict.clue(e.message()))));
    }

    /** The first accelerator resource the pod requests, by name. */
    private static Optional<String> acceleratorRequested(PodState pod) {
        return pod.requests.keySet().stream().filter(FailedSchedulingMessage::isAccelerator).findFirst();
    }
}
