package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.WorkloadResolver;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.FailedSchedulingMessage;
import dev.incidents.analyzer.messages.ImagePullFailure;
import dev.incidents.analyzer.messages.NodeDiskFull;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.NodeObserved;
import dev.incidents.analyzer.signal.Signal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A node whose disk is full. Either the node says so itself ({@code NodeHasDiskPressure}, {@code FreeDiskSpaceFailed},
 * {@code ImageGCFailed}, {@code EvictionThresholdMet} on ephemeral storage), or the kubelet cannot write its own files
 * for a pod there ({@link NodeDiskFull}), or disk-full image pulls hit several workloads on it (the topology routes each such pull failure to the node as well as to its workload).
 * A snapshot of the node with its DiskPressure condition True says so as much as the event of its transition (a
 * paste of the condition row alone, an analyzer started after the transition); the condition going False is told by
 * the kubelet's {@code NodeHasNoDiskPressure}, which ends it.
 */
public final class NodeDiskPressureDetector implements Detector {

    private static final Set<String> NODE_REASONS = Set.of("NodeHasDiskPressure", "FreeDiskSpaceFailed",
            "ImageGCFailed", "EvictionThresholdMet");

    private final int workloadsThreshold;

    public NodeDiskPressureDetector(int workloadsThreshold) {
        this.workloadsThreshold = workloadsThreshold;
    }

    @Override
    public Category category() {
        return Category.NODE_DISK_PRESSURE;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof NodeObserved n && subject.subject().isNode()) {
            return n.snapshot().getConditions().stream()
                    .filter(c -> "DiskPressure".equals(c.getType()) && "True".equals(c.getStatus())).findFirst()
                    .map(c -> Findings.of(n, c, Facts.empty()));
        }
        if (!(signal instanceof EventSignal e) || !subject.subject().isNode()) {
            return Optional.empty();
        }
        String node = subject.subject().name();
        if ("Node".equals(e.involvedKind()) && NODE_REASONS.contains(e.reason()) && aboutDisk(e)) {
            Finding f = Findings.of(e, Facts.of(Fact.NODE, node));
            return Optional.of(withNode(f, node, true, Optional.empty()));
        }
        if ("FailedScheduling".equals(e.reason()) && subject.unnamedNodeOfUnobservedCluster()
                && FailedSchedulingMessage.parse(e.message()).everyNodeUnderDiskPressure()) {
            // routed here when the scheduler sees every node tainted for disk pressure (SignalRouting): the only
            // evidence when no node of the cluster was observed (a paste of the pod alone)
            return Optional.of(withNode(Findings.of(e, Facts.empty()), node, true, Optional.empty()));
        }
        if (e.pod().isPresent() && NodeDiskFull.parse(e.message()).isPresent()) {
            // the kubelet cannot write its own files for a pod on this node: as telling as the node's own condition
            Finding f = Findings.of(e, Facts.of(Fact.NODE, node));
            return Optional.of(withNode(f, node, true, Optional.empty()));
        }
        if (e.pod().isPresent()) {
            Optional<ImagePullFailure> pull = ImagePullFailure.parse(e.message());
            if (pull.isPresent() && pull.get().category() == Category.IMAGE_PULL_DISK_FULL) {
                WorkloadResolver.Workload w = WorkloadResolver.ofPodName(e.pod().get(), false);
                String namespace = e.event().getInvolvedObject().getNamespace();
                Facts facts = Facts.of(Fact.NODE, node).with(Fact.IMAGE, pull.get().image());
                return Optional.of(withNode(Findings.of(e, facts), node, false,
                        Optional.of((namespace == null ? "" : namespace) + "/" + w.kind() + "/" + w.name())));
            }
        }
        return Optional.empty();
    }

    /** EvictionThresholdMet is also raised for memory; only disk signals count here. */
    private static boolean aboutDisk(EventSignal e) {
        if (!"EvictionThresholdMet".equals(e.reason())) {
            return true;
        }
        String m = e.message().toLowerCase(Locale.ROOT);
        return m.contains("ephemeral-storage") || m.contains("nodefs") || m.contains("imagefs");
    }

    private static Finding withNode(Finding f, String node, boolean nodeLevel, Optional<String> workload) {
        return new Finding(node, f.pod(), Optional.of(node), f.facts(), f.evidenceKey(), f.count(), f.firstTime(),
                f.time(), f.kind(), f.name(), f.reason(), f.message(), nodeLevel, workload);
    }

    @Override
    public boolean sufficient(EvidenceSummary evidence) {
        return evidence.nodeLevel() || evidence.workloads().size() >= workloadsThreshold;
    }

    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && "NodeHasNoDiskPressure".equals(e.reason())) {
            return Optional.of(Recovery.all("recovered: node " + e.involvedName() + " NodeHasNoDiskPressure"));
        }
        return Optional.empty();
    }
}
