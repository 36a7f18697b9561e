package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;

/** {@code FailedScheduling}: {@code Insufficient cpu/memory/ephemeral-storage} or {@code Too many pods} blocks every node. */
public final class InsufficientResourcesDetector extends SchedulingDetector {
    public InsufficientResourcesDetector() {
        super(Category.INSUFFICIENT_RESOURCES);
    }

    /** A pending member of a partly placed gang (or Volcano's verdict on its PodGroup): the gang is what is broken. */
    @Override
    public java.util.Set<Category> yieldsTo() {
        return java.util.Set.of(Category.GANG_PARTIALLY_PLACED);
    }

    /** A node requested for the pod that never took it ({@link ScaleUpStalled}). */
    @Override
    public java.util.List<CauseEvidence> weigh(EvidenceSummary evidence, SubjectView subject) {
        return ScaleUpStalled.evidence(subject);
    }
}
