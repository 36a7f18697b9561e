package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;

/** {@code FailedScheduling} : {@code didn't match Pod's node affinity/selector} explains the nodes that would otherwise fit. */
public final class NodeSelectorMismatchDetector extends SchedulingDetector {
    public NodeSelectorMismatchDetector() {
        super(Category.NODE_SELECTOR_MISMATCH);
    }
}
