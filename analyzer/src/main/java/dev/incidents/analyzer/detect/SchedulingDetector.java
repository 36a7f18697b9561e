package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.FailedSchedulingMessage;
import dev.incidents.analyzer.messages.QueueVerdict;
import dev.incidents.analyzer.messages.ScaleUpVerdict;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.Signal;
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

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (!(signal instanceof EventSignal e)) {
            return Optional.empty();
        }
        // cluster-autoscaler only looks at pods the scheduler marked unschedulable, so its verdicts are scheduling
        // evidence too; its reasons are per node group, so they count only when the scheduler's own FailedScheduling
        // (per node, the better verdict) is not there (expired, or not pasted)
        Optional<QueueVerdict> queued = e.pod().isPresent() ? Optional.empty()
                : QueueVerdict.parse(e.reason(), e.message());
        if (queued.isPresent()) {
            Category held = queued.get().accelerator() ? Category.INSUFFICIENT_GPU : Category.INSUFFICIENT_RESOURCES;
            return held == category()
                    ? Optional.of(Findings.of(e, Facts.empty().with(Fact.RESOURCE, queued.get().resource())
                            .withClue(queued.get().clue())))
                    : Optional.empty();
        }
        boolean scaleUpVerdict = (ScaleUpVerdict.isVerdict(e.reason())
                || "FailedScheduling".equals(e.reason()) && ScaleUpVerdict.isProvisionerVerdict(e.message()))
                && !subject.pod(e.pod()).map(p -> p.failedScheduling).orElse(false);
        // KAI Scheduler reports its fit errors on the pod as Unschedulable rather than FailedScheduling
        boolean schedulerVerdict = "FailedScheduling".equals(e.reason())
                || "Unschedulable".equals(e.reason()) && e.pod().isPresent();
        if (!schedulerVerdict && !scaleUpVerdict) {
            return Optional.empty();
        }
        FailedSchedulingMessage message = FailedSchedulingMessage.parse(e.message());
        Optional<Category> category = message.category();
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
        return Optional.of(Findings.of(e, facts));
    }
}
