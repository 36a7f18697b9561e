package dev.incidents.analyzer.signal;

import dev.incidents.analyzer.messages.FailedSchedulingMessage;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of a pod or node snapshot the correlator reads, as a snapshot of the same schema with everything else
 * left out: what a {@link PodObserved} or {@link NodeObserved} carries from the input stage on.
 *
 * <p>Why: every snapshot crosses the internal {@code signals-by-subject} topic, waits in the reorder buffer (whose
 * changelog takes the bytes again) and is decoded by the correlator. A node's labels, taints and non-accelerator
 * resources, a pod's scheduling constraints, tolerations, requests and labels are most of their bytes (fleet
 * recording: nodes 1,196 to 419 bytes encoded, pods 793 to 535), and no detector reads them; the input stage (owners,
 * placements, the nodes view) reads the whole record before this.
 *
 * <p>Kept in the input schemas rather than schemas of their own: detectors read the same types either way, and the
 * frame format does not change, so a frame written before this (a whole snapshot) still decodes, into a snapshot
 * with more than the detectors read. A field added to a schema is left out until it is added here on purpose: the
 * constructors below are positional and stop compiling. Applied where the signal is made, so every path (live,
 * replay, tests) gives the detectors the same projection. {@code SignalProjectionTest} lists what is kept; when a
 * detector starts reading another field, keep it here too.
 */
public final class SignalProjection {

    /** A label the correlator reads: a ReplicaSet's suffix (see {@code WorkloadResolver}). */
    static final String TEMPLATE_HASH = "pod-template-hash";

    /** False only inside {@link #unprojected}: the guard test's reference run. */
    private static volatile boolean projecting = true;

    private SignalProjection() {
    }

    /**
     * {@code run} with snapshots passed on whole: the reference run of the guard test that replays every fixture both
     * ways ({@code SignalProjectionGuardTest}), so a detector that starts reading a field left out here fails a test
     * instead of silently reading nothing. Not for production: it changes what every signal carries.
     */
    public static synchronized <T> T unprojected(java.util.function.Supplier<T> run) {
        projecting = false;
        try {
            return run.get();
        } finally {
            projecting = true;
        }
    }

    /**
     * Identity and time, its creation (how young a restarting pod is: CRASH_LOOP), whether it is being deleted, the
     * {@code pod-template-hash} label, the label naming its gang ({@link GangLabels}: GANG_PARTIALLY_PLACED) and the
     * owners (the workload) and whether they are known whole, phase, reason, message, node and conditions, the node its
     * selector or affinity pins it to if any ({@link NodePin}: UNTOLERATED_TAINT), and per container its name, image,
     * accelerator and memory limits (OOM_KILLED), probes, readiness, restart count and states.
     */
    public static PodSnapshot pod(PodSnapshot pod) {
        if (!projecting) {
            return pod;
        }
        Map<String, String> labels = labels(pod.getLabels());
        return new PodSnapshot(pod.getCluster(), pod.getNamespace(), pod.getName(), null, pod.getObservedAt(),
                pod.getCreationTimestamp(), pod.getDeletionTimestamp(), labels, pod.getOwners(), pod.getOwnersKnown(),
                pod.getPhase(),
                pod.getReason(), pod.getMessage(), pod.getNodeName(), pod.getConditions(), containers(pod.getInitContainers()),
                containers(pod.getContainers()), NodePin.selectorPin(pod.getNodeSelector()),
                NodePin.affinityPin(pod.getAffinity()), Collections.emptyList(),
                Collections.emptyList(), null, null, null, null, null, pod.getGroupName());
    }

    /** Identity and time, conditions, whether it is cordoned, and its accelerator capacity and allocatable. */
    public static NodeSnapshot node(NodeSnapshot node) {
        if (!projecting) {
            return node;
        }
        return new NodeSnapshot(node.getCluster(), node.getName(), null, node.getObservedAt(), Collections.emptyMap(),
                Collections.emptyList(), accelerators(node.getCapacity()), accelerators(node.getAllocatable()),
                node.getConditions(), node.getUnschedulable(), null, null);
    }

    /** {@code pod-template-hash} and the gang label, when the pod has them; most pods have neither or one. */
    private static Map<String, String> labels(Map<String, String> all) {
        String hash = all.get(TEMPLATE_HASH);
        Map<String, String> kept = hash == null ? Collections.emptyMap() : Map.of(TEMPLATE_HASH, hash);
        for (Map.Entry<String, String> gang : GangLabels.GROUP_LABELS) {
            String value = all.get(gang.getKey());
            if (value != null && !value.isBlank()) {
                kept = new TreeMap<>(kept);
                kept.put(gang.getKey(), value);
                break;
            }
        }
        return kept;
    }

    private static List<Container> containers(List<Container> containers) {
        List<Container> out = new ArrayList<>(containers.size());
        for (Container c : containers) {
            out.add(new Container(c.getName(), c.getImage(), Collections.emptyMap(), countedLimits(c.getLimits()),
                    c.getProbes(), c.getReady(), null, c.getRestartCount(), c.getState(), c.getLastState()));
        }
        return out;
    }

    /** A container's accelerator limits and its memory limit (a kill at it is OOM_KILLED's). */
    private static Map<String, String> countedLimits(Map<String, String> limits) {
        String memory = limits.get("memory");
        if (memory == null) {
            return accelerators(limits);
        }
        Map<String, String> out = new TreeMap<>(accelerators(limits));
        out.put("memory", memory);
        return out;
    }

    /** The accelerator entries of a resource map (the only resources the detectors count). */
    private static Map<String, String> accelerators(Map<String, String> resources) {
        Map<String, String> out = null;
        for (Map.Entry<String, String> resource : resources.entrySet()) {
            if (FailedSchedulingMessage.isAccelerator(resource.getKey())) {
                if (out == null) {
                    out = new TreeMap<>();
                }
                out.put(resource.getKey(), resource.getValue());
            }
        }
        return out == null ? Collections.emptyMap() : out;
    }
}
