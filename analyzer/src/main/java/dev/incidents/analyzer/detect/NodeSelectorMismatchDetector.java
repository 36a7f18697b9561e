package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import java.util.Map;
import java.util.Set;

/** {@code FailedScheduling} : {@code didn't match Pod's node affinity/selector} explains the nodes that would otherwise fit. */
public final class NodeSelectorMismatchDetector extends SchedulingDetector {
    public NodeSelectorMismatchDetector() {
        super(Category.NODE_SELECTOR_MISMATCH);
    }

    /**
     * A verdict that names an operator's taint beside the selector mismatch ({@code 1 node(s) had untolerated taint
     * {dedicated: storage}, 3 node(s) didn't match ...}) yields to UNTOLERATED_TAINT on the same workload: a pod shown
     * pinned to its one node, the tainted one ({@code SchedulingDetector}), which a pasted describe shows only after its
     * verdicts. A verdict without a taint beside it keeps its incident (a workload whose pods met a start-up taint
     * first and then a selector no node matches).
     */
    @Override
    public Set<Category> yieldsTo(Map<String, String> facts) {
        return facts.containsKey(Fact.TAINT.name()) ? Set.of(Category.UNTOLERATED_TAINT) : Set.of();
    }
}
