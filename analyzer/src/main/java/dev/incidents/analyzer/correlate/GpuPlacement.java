package dev.incidents.analyzer.correlate;

import dev.incidents.analyzer.detect.Quantities;
import dev.incidents.analyzer.messages.FailedSchedulingMessage;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.PodSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The accelerators a pod holds on its node: what the scheduler subtracted from the node's allocatable when it bound
 * the pod (extended resources are requested through limits, which equal the requests). A node's free accelerators
 * are its allocatable minus the placements on it, which is what tells fragmentation (free in total, not on one node)
 * from a full pool. Carried on the placements view topic as {@code node nvidia.com/gpu=2,...}, keyed like the pod.
 *
 * @param node    the node the pod is bound to
 * @param devices accelerator resource to units held, summed over the pod's containers (init containers run before
 *                them and release their devices, so the larger of the two sums counts, as the scheduler computes it)
 */
public record GpuPlacement(String node, Map<String, Long> devices) {

    /** Whether a pod snapshot (or its deletion, {@code null}) can change the placements view. */
    public static boolean concerns(PodSnapshot pod) {
        return pod == null || !accelerators(pod).isEmpty();
    }

    /**
     * The view's value for a pod: its placement, or {@code null} (a tombstone) once it holds nothing: deleted,
     * finished (Succeeded/Failed pods release their devices), or not bound to a node yet.
     */
    public static String encode(PodSnapshot pod) {
        return of(pod).map(GpuPlacement::format).orElse(null);
    }

    static Optional<GpuPlacement> of(PodSnapshot pod) {
        if (pod == null || pod.getNodeName() == null || pod.getNodeName().isBlank()
                || "Succeeded".equals(pod.getPhase()) || "Failed".equals(pod.getPhase())) {
            return Optional.empty();
        }
        Map<String, Long> devices = accelerators(pod);
        return devices.isEmpty() ? Optional.empty() : Optional.of(new GpuPlacement(pod.getNodeName(), devices));
    }

    private static Map<String, Long> accelerators(PodSnapshot pod) {
        Map<String, Long> app = acceleratorLimits(pod.getContainers());
        Map<String, Long> init = new TreeMap<>();
        for (Container c : pod.getInitContainers()) {
            acceleratorLimits(List.of(c)).forEach((r, n) -> init.merge(r, n, Math::max));
        }
        init.forEach((r, n) -> app.merge(r, n, Math::max));
        app.values().removeIf(units -> units <= 0);
        return app;
    }

    /**
     * The accelerator limits of {@code containers}, summed per resource (extended resources are requested through
     * limits, which equal the requests): what the correlator remembers a pod asks for, and the base of a placement.
     */
    static Map<String, Long> acceleratorLimits(List<Container> containers) {
        Map<String, Long> out = new TreeMap<>();
        for (Container c : containers) {
            for (Map.Entry<String, String> limit : c.getLimits().entrySet()) {
                if (FailedSchedulingMessage.isAccelerator(limit.getKey())) {
                    out.merge(limit.getKey(), Quantities.count(limit.getValue()), Long::sum);
                }
            }
        }
        return out;
    }

    String format() {
        List<String> parts = new ArrayList<>();
        devices.forEach((r, n) -> parts.add(r + "=" + n));
        return node + " " + String.join(",", parts);
    }

    /** Reads {@link #format}; empty for anything else (a view written by another version). */
    public static Optional<GpuPlacement> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int space = value.indexOf(' ');
        if (space <= 0) {
            return Optional.empty();
        }
        Map<String, Long> devices = new TreeMap<>();
        for (String part : value.substring(space + 1).split(",")) {
            int eq = part.lastIndexOf('=');
            if (eq > 0) {
                try {
                    devices.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new GpuPlacement(value.substring(0, space), devices));
    }
}
