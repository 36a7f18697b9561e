package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;

/** {@code FailedScheduling} : the nodes that would fit carry a taint the pod does not tolerate ({@code had untolerated taint {k: v}}, pre-1.26 {@code had taint {k: v}, that the pod didn't tolerate}). */
public final class UntoleratedTaintDetector extends SchedulingDetector {
    public UntoleratedTaintDetector() {
        super(Category.UNTOLERATED_TAINT);
    }
}
