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

    /**
     * A verdict that names no resource short (Kueue's {@code topology "x" doesn't allow to fit any of 8 pod(s)}, a
     * queue's bare refusal) also yields to a verdict on the same workload naming an accelerator short (the same
     * Workload's quota verdicts for {@code nvidia.com/gpu}): that one says what is missing. One naming cpu or memory
     * keeps its own incident (the scheduler's per-node verdict beside an autoscaler's GPU node group's).
     */
    @Override
    public java.util.Set<Category> yieldsTo(java.util.Map<String, String> facts) {
        return facts.containsKey(dev.incidents.analyzer.hints.Fact.RESOURCE.name()) ? yieldsTo()
                : java.util.Set.of(Category.GANG_PARTIALLY_PLACED, Category.INSUFFICIENT_GPU);
    }

    /** A node requested for the pod that never took it ({@link ScaleUpStalled}). */
    @Override
    public java.util.List<CauseEvidence> weigh(EvidenceSummary evidence, SubjectView subject) {
        return ScaleUpStalled.evidence(subject);
    }
}
