package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.GpuFault;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.NodeDeleted;
import dev.incidents.analyzer.signal.NodeObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Condition;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * GPU errors reported on a node: an event on the Node (Node Problem Detector relaying the driver's Xid messages,
 * DCGM or NVIDIA health tooling) or a non-standard node condition set {@code True} by such a reporter
 * ({@code GpuXidError}, {@code NVIDIAGPUUnhealthy}, whatever the reporter's name for it) whose type, reason or message
 * names a GPU fault ({@link GpuFault}). Application Xids (13, 31, 43, 45) are not faults of the node. A condition
 * fault recovers when the condition is no longer {@code True}; an event-only fault by the quiet period.
 */
public final class GpuHardwareFaultDetector implements Detector {

    /** The kubelet's own conditions: never a GPU reporter's. */
    private static final Set<String> KUBELET_CONDITIONS = Set.of("Ready", "MemoryPressure", "DiskPressure",
            "PIDPressure", "NetworkUnavailable");

    @Override
    public Category category() {
        return Category.GPU_HARDWARE_FAULT;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (!subject.subject().isNode()) {
            return Optional.empty();
        }
        String node = subject.subject().name();
        if (signal instanceof EventSignal e && "Node".equals(e.involvedKind())) {
            return GpuFault.parse(e.reason() + ": " + e.message())
                    .map(f -> Findings.of(e, f.facts().with(Fact.NODE, node)));
        }
        if (signal instanceof NodeObserved n) {
            for (Condition c : n.snapshot().getConditions()) {
                if (!KUBELET_CONDITIONS.contains(c.getType()) && "True".equals(c.getStatus())) {
                    // a GPU health condition set True is the reporter's verdict, whatever Xid it names (GKE raises
                    // XidCriticalError for the Xids it is configured to treat as critical)
                    Optional<GpuFault> fault = GpuFault.parse(describe(c))
                            .or(() -> aboutGpu(c) ? Optional.of(GpuFault.reported(describe(c))) : Optional.empty());
                    if (fault.isPresent()) {
                        return Optional.of(Findings.of(n, c, fault.get().facts()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        if (signal instanceof NodeDeleted d) {
            return Optional.of(Recovery.all("recovered: node " + d.name() + " deleted"));
        }
        if (signal instanceof NodeObserved n) {
            for (Condition c : n.snapshot().getConditions()) {
                if (!KUBELET_CONDITIONS.contains(c.getType()) && !"True".equals(c.getStatus()) && aboutGpu(c)) {
                    return Optional.of(Recovery.of(n.snapshot().getName() + "/" + c.getType(), "recovered: node "
                            + n.snapshot().getName() + " condition " + c.getType() + " is " + c.getStatus()));
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(Condition c) {
        return c.getType() + " " + Optional.ofNullable(c.getReason()).orElse("") + ": "
                + Optional.ofNullable(c.getMessage()).orElse("");
    }

    private static boolean aboutGpu(Condition c) {
        String type = c.getType().toLowerCase(Locale.ROOT);
        return type.contains("gpu") || type.contains("xid") || type.contains("nvlink") || type.contains("ecc")
                || type.contains("nvidia") || type.contains("dcgm");
    }
}
