package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.Signal;
import java.util.Optional;
import java.util.Set;

/** A category recognised by the reason of a Warning event on a pod alone (mounts, sandboxes). */
abstract class EventReasonDetector implements Detector {

    private final Category category;
    private final Set<String> reasons;

    EventReasonDetector(Category category, Set<String> reasons) {
        this.category = category;
        this.reasons = reasons;
    }

    @Override
    public final Category category() {
        return category;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && e.pod().isPresent() && reasons.contains(e.reason())) {
            return Optional.of(Findings.of(e, Facts.empty()));
        }
        return Optional.empty();
    }
}
