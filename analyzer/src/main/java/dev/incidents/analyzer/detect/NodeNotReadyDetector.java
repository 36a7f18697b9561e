package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.Signal;
import java.util.Optional;

/** The node controller's {@code NodeNotReady} ("Node x status is now: NodeNotReady"); recovers on {@code NodeReady}. */
public final class NodeNotReadyDetector implements Detector {

    @Override
    public Category category() {
        return Category.NODE_NOT_READY;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && subject.subject().isNode() && "Node".equals(e.involvedKind())
                && "NodeNotReady".equals(e.reason())) {
            return Optional.of(Findings.of(e, Facts.of(Fact.NODE, e.involvedName())));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && "Node".equals(e.involvedKind()) && "NodeReady".equals(e.reason())) {
            return Optional.of(Recovery.all("recovered: node " + e.involvedName() + " Ready"));
        }
        return Optional.empty();
    }
}
