package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Clue;
import java.util.Locale;
import java.util.Optional;

/**
 * Why the cluster autoscaler did not (or could not) add a node for a pending pod, from its pod events:
 * {@code NotTriggerScaleUp} ({@code pod didn't trigger scale-up: 1 max node group size reached, 2 Insufficient
 * nvidia.com/gpu}) and {@code FailedScaleUp} ({@code Node scale up in zones us-central1-c associated with this pod
 * failed: GCE quota exceeded. Pod is at risk of not being scheduled.}), or the cloud's own words for a stockout
 * ({@code ZONE_RESOURCE_POOL_EXHAUSTED}, {@code InsufficientInstanceCapacity}). When the scheduler's verdict is not
 * there, this is the only evidence of why the pod is pending.
 */
public final class ScaleUpVerdict {
    private ScaleUpVerdict() {
    }

    /** Autoscaler pod event reasons that carry a verdict. */
    public static boolean isVerdict(String reason) {
        return "NotTriggerScaleUp".equals(reason) || "FailedScaleUp".equals(reason);
    }

    /**
     * A node is being provisioned for the pod: cluster-autoscaler's {@code TriggeredScaleUp} ({@code pod triggered
     * scale-up: [{gpu-g5 0->1 (max: 4)}]}) or Karpenter's {@code Nominated} ({@code Pod should schedule on:
     * nodeclaim/gpu-x7k2p}, older {@code Pod should schedule on node: ...}): capacity is on its way.
     */
    public static boolean isScaleUpTriggered(String reason, String message) {
        return "TriggeredScaleUp".equals(reason)
                || "Nominated".equals(reason) && message != null && message.startsWith("Pod should schedule on");
    }

    /**
     * Karpenter records its verdict as a {@code FailedScheduling} of its own: {@code Failed to schedule pod,
     * incompatible with nodepool "gpu", ..., no instance type satisfied resources {"nvidia.com/gpu":"1",...}} or
     * {@code all available instance types exceed limits for nodepool}. Like the autoscaler's, it speaks of node pools,
     * not of the nodes there are.
     */
    public static boolean isProvisionerVerdict(String message) {
        return message != null && (message.startsWith("Failed to schedule pod")
                || message.contains("incompatible with nodepool") || message.contains("no instance type"));
    }

    /**
     * A {@code NotTriggerScaleUp} whose reasons were cut off ({@code pod didn't trigger scale-up:} and nothing after, the
     * per-group reasons on lines a paste dropped): it says the autoscaler did not help, not why; the scheduler's
     * verdict beside it does.
     */
    public static boolean reasonsCut(String message) {
        return message != null && message.strip().matches("(?i)pod didn't trigger scale-up:?");
    }

    /** The clue the verdict proves, if any. */
    public static Optional<Clue> clue(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("quota")) {
            return Optional.of(Clue.CLOUD_QUOTA_EXCEEDED);
        }
        if (m.contains("resource_pool_exhausted") || m.contains("resource pool exhausted")
                || m.contains("insufficientinstancecapacity") || m.contains("out of resources")
                || m.contains("stockout") || m.contains("does not have enough resources available")
                || m.contains("insufficient capacity")) {
            return Optional.of(Clue.CLOUD_CAPACITY_EXHAUSTED);
        }
        if (m.contains("max node group size") || m.contains("max cluster") || m.contains("maximum size")
                || m.contains("max size") || m.contains("exceed limits")) {
            return Optional.of(Clue.NODE_GROUP_AT_MAX_SIZE);
        }
        if (m.contains("in backoff after failed scale-up") || m.contains("backoff after failed scale-up")) {
            return Optional.of(Clue.SCALE_UP_BACKOFF);
        }
        if (m.contains("wouldn't fit if a new node is added") || m.contains("didn't match")
                || m.contains("no node group") || m.contains("not match") || m.contains("no instance type")
                || m.contains("incompatible with")) {
            return Optional.of(Clue.NO_NODE_GROUP_FITS);
        }
        return Optional.empty();
    }

    /**
     * Whether a node group that fits the pod exists but cannot grow: at its maximum size, in back-off after a failed
     * scale-up, or refused by the cloud (quota, stockout). The autoscaler lists its reasons per node group
     * ({@code 1 node(s) didn't match Pod's node affinity/selector, 1 in backoff after failed scale-up}), so the other
     * groups' mismatches are then incidental: capacity, not placement, keeps the pod pending.
     */
    public static boolean fittingGroupCannotGrow(String message) {
        return clue(message).filter(c -> c != Clue.NO_NODE_GROUP_FITS).isPresent();
    }

    /** Whether the verdict itself names an accelerator ("Insufficient nvidia.com/gpu", a GPU node pool). */
    public static boolean mentionsAccelerator(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("gpu") || m.contains("accelerator") || m.contains("tpu") || m.contains("neuron");
    }
}
