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
        if (!(signal instanceof EventSignal e) || !"FailedScheduling".equals(e.reason())) {
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
