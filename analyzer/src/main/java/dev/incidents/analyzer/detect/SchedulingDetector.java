package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.FailedSchedulingMessage;
import dev.incidents.analyzer.messages.SchedulingReason;
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
        // cluster-autoscaler only looks at pods the scheduler marked unschedulable, so its NotTriggerScaleUp is
        // scheduling evidence too; its reasons are per node group, so it counts only when the scheduler's own
        // FailedScheduling (per node, the better verdict) is not there (expired, or not pasted)
        boolean scaleUpVerdict = "NotTriggerScaleUp".equals(e.reason())
                && !subject.pod(e.pod()).map(p -> p.failedScheduling).orElse(false);
        if (!"FailedScheduling".equals(e.reason()) && !scaleUpVerdict) {
            return Optional.empty();
        }
        FailedSchedulingMessage message = FailedSchedulingMessage.parse(e.message());
        if (message.category().filter(category()::equals).isEmpty()) {
            return Optional.empty();
        }
        Facts facts = Facts.empty();
        Optional<SchedulingReason> blocking = message.blockingReason();
        if (blocking.isPresent()) {
            facts = facts.with(Fact.RESOURCE, blocking.get().resourceName())
                    .with(Fact.TAINT, blocking.get().taintText());
        }
        if (!facts.has(Fact.RESOURCE)) {
            facts = facts.with(Fact.RESOURCE, message.acceleratorResource());
        }
        return Optional.of(Findings.of(e, facts));
    }
}
