package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The detector of each category. */
public final class Detectors {

    private final Map<Category, Detector> byCategory = new EnumMap<>(Category.class);

    private Detectors(List<Detector> detectors) {
        for (Detector d : detectors) {
            if (byCategory.put(d.category(), d) != null) {
                throw new IllegalStateException("two detectors for " + d.category());
            }
        }
    }

    /** Every detector, configured: {@code nodeDiskWorkloads} workloads hit on one node make a node incident. */
    public static Detectors all(int nodeDiskWorkloads) {
        return new Detectors(List.of(
                new ReplicaCreateFailedDetector(),
                new GangPartiallyPlacedDetector(),
                new InsufficientGpuDetector(),
                new GpuFragmentedDetector(),
                new InsufficientResourcesDetector(),
                new UntoleratedTaintDetector(),
                new NodeSelectorMismatchDetector(),
                new PvcUnboundDetector(),
                new GpuAdmissionFailedDetector(),
                new ImagePullDiskFullDetector(),
                new ImagePullAuthDetector(),
                new ImageNotFoundDetector(),
                new ImagePullFailedDetector(),
                new VolumeMountFailedDetector(),
                new ConfigErrorDetector(),
                new SandboxFailedDetector(),
                new InitContainerFailedDetector(),
                new ContainerStartFailedDetector(),
                new OomKilledDetector(),
                new ProbeFailureDetector(),
                new CrashLoopDetector(),
                new ReadinessFailingDetector(),
                new NodeDiskPressureDetector(nodeDiskWorkloads),
                new NodeNotReadyDetector(),
                new PodEvictedDetector(),
                new GpuCapacityLostDetector(),
                new GpuHardwareFaultDetector()));
    }

    public Detector of(Category category) {
        return byCategory.get(category);
    }

    /** In Category order, so evaluation order (and so output order) is deterministic. */
    public List<Detector> list() {
        return byCategory.values().stream().sorted(Comparator.comparing(Detector::category)).toList();
    }

    /** Detectors for node subjects ({@code cluster/node/name}) or for workload subjects. */
    public List<Detector> forSubject(boolean node) {
        return list().stream().filter(d -> d.category().isNodeScoped() == node).toList();
    }
}
