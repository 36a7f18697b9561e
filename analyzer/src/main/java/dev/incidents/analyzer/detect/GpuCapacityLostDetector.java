package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.correlate.PodState;
import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.FailedSchedulingMessage;
import dev.incidents.analyzer.signal.NodeDeleted;
import dev.incidents.analyzer.signal.NodeObserved;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.NodeSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A node advertising fewer accelerators than it did: {@code status.allocatable["nvidia.com/gpu"]} below its value
 * before, or below {@code status.capacity} (the device plugin restarted or marked devices unhealthy, an Xid, the
 * driver gone, a MIG reconfiguration). No event says so; only Node snapshots show it. The expected count per resource
 * lives in the node subject's state ({@link #remember}); the detector compares each snapshot with it.
 *
 * <p>The node is the failing object; the scheduled pods that ask for the lost resource (routed to the node subject
 * by the topology) are the workloads hit. Every snapshot still short of GPUs is fresh evidence, so an incident stays
 * open as long as the node keeps reporting the loss, and resolves when the count is back or the node is deleted.
 */
public final class GpuCapacityLostDetector implements Detector {

    static final String REASON = "GpuCapacityLost";
    private static final String MIG_PREFIX = "nvidia.com/mig-";
    /** Words that pick out the catalog's causes (hints/catalog.yaml, GPU_CAPACITY_LOST). */
    /** The catalog cause a drop without a MIG reshuffle is evidence for. */
    static final String DEVICE_PLUGIN_DROPPED_DEVICES = "DEVICE_PLUGIN_DROPPED_DEVICES";

    @Override
    public Category category() {
        return Category.GPU_CAPACITY_LOST;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        return findings(signal, subject).stream().findFirst();
    }

    @Override
    public List<Finding> findings(Signal signal, SubjectView subject) {
        if (!subject.subject().isNode()) {
            return List.of();
        }
        String node = subject.subject().name();
        if (signal instanceof NodeObserved n) {
            Map<String, long[]> lost = lost(n.snapshot(), subject.acceleratorsExpected());
            if (lost.isEmpty()) {
                return List.of();
            }
            List<Finding> out = new ArrayList<>();
            List<String> shortBy = new ArrayList<>();
            lost.forEach((resource, counts) -> shortBy.add(resource + " " + counts[0] + " of " + counts[1]));
            String resource = lost.keySet().iterator().next();
            String message = "node " + node + " advertises allocatable " + String.join(", ", shortBy);
            out.add(new Finding(node, Optional.empty(), Optional.of(node),
                    Facts.of(Fact.NODE, node).with(Fact.RESOURCE, resource),
                    node + "/" + String.join(",", shortBy) + "/" + n.time().toEpochMilli(), 1, n.time(), n.time(),
                    "Node", node, REASON, message, true, Optional.empty()));
            for (Map.Entry<String, PodState> pod : subject.pods().entrySet()) {
                hit(pod.getKey(), pod.getValue(), node, lost.keySet(), n.time())
                        .ifPresent(out::add);
            }
            return out;
        }
        if (signal instanceof PodObserved p) {
            // a GPU pod seen on the node while it is short: one more workload hit
            TreeSet<String> lostNow = new TreeSet<>();
            subject.acceleratorsExpected().forEach((resource, expected) -> {
                if (subject.acceleratorsAdvertised().getOrDefault(resource, 0L) < expected) {
                    lostNow.add(resource);
                }
            });
            PodState state = subject.pods().get(p.snapshot().getName());
            if (lostNow.isEmpty() || state == null) {
                return List.of();
            }
            return hit(p.snapshot().getName(), state, node, lostNow, p.time()).stream().toList();
        }
        return List.of();
    }

    private static Optional<Finding> hit(String pod, PodState state, String node, java.util.Set<String> lost,
                                         java.time.Instant time) {
        if (state.workload == null || !node.equals(state.node)) {
            return Optional.empty();
        }
        for (String resource : lost) {
            String requested = state.requests.get(resource);
            if (requested != null) {
                String message = "pod " + pod + " requests " + resource + ": " + requested + " on node " + node;
                return Optional.of(new Finding(node, Optional.of(pod), Optional.of(node),
                        Facts.of(Fact.NODE, node).with(Fact.RESOURCE, resource), pod + "/" + resource, 1, time, time,
                        "Pod", pod, REASON, message, false, Optional.of(state.workload)));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        if (signal instanceof NodeDeleted d) {
            return Optional.of(Recovery.all("recovered: node " + d.name() + " deleted"));
        }
        if (signal instanceof NodeObserved n && lost(n.snapshot(), subject.acceleratorsExpected()).isEmpty()) {
            List<String> back = new ArrayList<>();
            subject.acceleratorsExpected().forEach((resource, expected) -> back.add(resource + " "
                    + Quantities.count(n.snapshot().getAllocatable().get(resource))));
            return Optional.of(Recovery.all("recovered: node " + n.snapshot().getName() + " advertises allocatable "
                    + String.join(", ", back) + " again"));
        }
        return Optional.empty();
    }

    /**
     * Keeps the catalog's order (device plugin, driver/Xid, MIG) with what the counts show as evidence, except when the
     * node now advertises MIG slices (nvidia.com/mig-*) besides the lost resource: then the GPUs were repartitioned.
     */
    @Override
    public List<CauseEvidence> weigh(EvidenceSummary evidence, SubjectView subject) {
        List<String> shortBy = new ArrayList<>();
        List<String> migGained = new ArrayList<>();
        subject.acceleratorsExpected().forEach((resource, expected) -> {
            long advertised = subject.acceleratorsAdvertised().getOrDefault(resource, 0L);
            if (advertised < expected) {
                shortBy.add(resource + " " + advertised + " of " + expected);
            } else if (resource.startsWith(MIG_PREFIX) && advertised > 0) {
                migGained.add(resource + " " + advertised);
            }
        });
        if (shortBy.isEmpty()) {
            return List.of();
        }
        String allocatable = "allocatable " + String.join(", ", shortBy);
        return migGained.isEmpty()
                ? List.of(new CauseEvidence(DEVICE_PLUGIN_DROPPED_DEVICES, allocatable))
                : List.of(CauseEvidence.proving(Clue.MIG_RECONFIGURED,
                        allocatable + " while the node advertises " + String.join(", ", migGained)));
    }

    /**
     * Accelerator resources the node advertises fewer of than expected: resource to {allocatable, expected}, where
     * expected is the larger of the count before ({@code expected}) and the node's capacity.
     */
    static Map<String, long[]> lost(NodeSnapshot node, Map<String, Long> expected) {
        Map<String, long[]> lost = new TreeMap<>();
        for (String resource : accelerators(node, expected)) {
            long allocatable = Quantities.count(node.getAllocatable().get(resource));
            long want = Math.max(expected.getOrDefault(resource, 0L), Quantities.count(node.getCapacity().get(resource)));
            if (allocatable < want) {
                lost.put(resource, new long[] {allocatable, want});
            }
        }
        return lost;
    }

    /**
     * Moves the node's accelerator counts on after a snapshot: a healthy count (growth included) becomes the new
     * expectation; a short one keeps the expectation from before the drop, which is what recovery is measured against.
     */
    public static void remember(NodeSnapshot node, Map<String, Long> advertised, Map<String, Long> expected) {
        for (String resource : accelerators(node, expected)) {
            long allocatable = Quantities.count(node.getAllocatable().get(resource));
            long want = Math.max(expected.getOrDefault(resource, 0L), Quantities.count(node.getCapacity().get(resource)));
            advertised.put(resource, allocatable);
            expected.put(resource, Math.max(allocatable, want));
            if (allocatable == 0 && want == 0) {
                advertised.remove(resource);
                expected.remove(resource);
            }
        }
    }

    /** Accelerator resource names the node or its expectation mention (the INSUFFICIENT_GPU detector's list). */
    private static TreeSet<String> accelerators(NodeSnapshot node, Map<String, Long> expected) {
        TreeSet<String> names = new TreeSet<>();
        for (String r : node.getCapacity().keySet()) {
            if (FailedSchedulingMessage.isAccelerator(r)) {
                names.add(r);
            }
        }
        for (String r : node.getAllocatable().keySet()) {
            if (FailedSchedulingMessage.isAccelerator(r)) {
                names.add(r);
            }
        }
        names.addAll(expected.keySet());
        return names;
    }
}
