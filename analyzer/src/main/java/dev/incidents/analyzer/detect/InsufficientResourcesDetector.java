package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;

/** {@code FailedScheduling}: {@code Insufficient cpu/memory/ephemeral-storage} or {@code Too many pods} blocks every node. */
public final class InsufficientResourcesDetector extends SchedulingDetector {
    public InsufficientResourcesDetector() {
        super(Category.INSUFFICIENT_RESOURCES);
    }
}
