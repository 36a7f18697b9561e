package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The detector of each category. */
public final class Detectors {

    private final Map<Category, Detector> byCategory = new EnumMap<>(Category.class);
    /**
     * The lists below, made once: the correlator asks for a subject's detectors with every signal, and sorting and
     * filtering them each time was 2 % of a fleet replay.
     */
    private final List<Detector> ordered;
    private final List<Detector> forNodes;
    private final List<Detector> forWorkloads;

    private Detectors(List<Detector> detectors) {
        for (Detector d : detectors) {
            if (byCategory.put(d.category(), d) != null) {
                throw new IllegalStateException("two detectors for " + d.category());
            }
        }
        this.ordered = byCategory.values().stream().sorted(Comparator.comparing(Detector::category)).toList();
        this.forNodes = ordered.stream().filter(d -> d.category().isNodeScoped()).toList();
        this.forWorkloads = ordered.stream().filter(d -> !d.category().isNodeScoped()).toList();
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
        return ordered;
    }

    /** Detectors for node subjects ({@code cluster/node/name}) or for workload subjects. */
    public List<Detector> forSubject(boolean node) {
        return node ? forNodes : forWorkloads;
    }
}
