package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.Signal;
import java.util.Optional;
import java.util.Set;

/** A category recognised by the reason of a Warning event on a pod alone (mounts, sandboxes). */
abstract class EventReasonDetector extends CategoryDetector {

    private final Set<String> reasons;

    EventReasonDetector(Category category, Set<String> reasons) {
        super(category);
        this.reasons = reasons;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && e.pod().isPresent() && reasons.contains(e.reason())) {
            return Optional.of(Findings.of(e, facts(e.message())));
        }
        return Optional.empty();
    }

    /** What the message says beyond the reason (the clue of its family, a named Secret): none by default. */
    protected Facts facts(String message) {
        return Facts.empty();
    }
}
