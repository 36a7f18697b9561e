package dev.incidents.analyzer.messages;

import java.util.Optional;

/**
 * One clause of a scheduler {@code FailedScheduling} message, e.g. {@code 3 Insufficient nvidia.com/gpu} or
 * {@code 1 node(s) had untolerated taint {accelerator: gpu}}.
 *
 * @param nodes    how many nodes failed for this reason; for pod-level reasons ({@code pod has unbound immediate
 *                 PersistentVolumeClaims}) every node of the total, or 0 when the message has no {@code 0/N} prefix
 * @param kind     what the clause says
 * @param resource the resource of {@code Insufficient X}, the PVC name of {@code persistentvolumeclaim "x" not found},
 *                 otherwise null
 * @param taint    the taint as the scheduler printed it ({@code accelerator: gpu}, without braces), otherwise null
 * @param raw      the clause verbatim
 */
public record SchedulingReason(int nodes, Kind kind, String resource, String taint, String raw) {

    public enum Kind {
        INSUFFICIENT_RESOURCE,
        TOO_MANY_PODS,
        UNTOLERATED_TAINT,
        NODE_SELECTOR_MISMATCH,
        UNBOUND_PVC,
        VOLUME_NODE_AFFINITY_CONFLICT,
        NODE_UNSCHEDULABLE,
        NODE_NOT_READY,
        POD_AFFINITY,
        POD_ANTI_AFFINITY,
        TOPOLOGY_SPREAD,
        NODE_PORTS,
        VOLUME_LIMIT,
        OTHER
    }

    public Optional<String> resourceName() {
        return Optional.ofNullable(resource);
    }

    public Optional<String> taintText() {
        return Optional.ofNullable(taint);
    }

    /** The taint key: {@code accelerator} of {@code accelerator: gpu}, {@code nvidia.com/gpu} of {@code nvidia.com/gpu: NoSchedule}. */
    public Optional<String> taintKey() {
        if (taint == null) {
            return Optional.empty();
        }
        int colon = taint.indexOf(':');
        String key = (colon < 0 ? taint : taint.substring(0, colon)).trim();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    /** True for {@code Insufficient} of an accelerator resource (see {@link FailedSchedulingMessage#isAccelerator}). */
    public boolean isInsufficientAccelerator() {
        return kind == Kind.INSUFFICIENT_RESOURCE && FailedSchedulingMessage.isAccelerator(resource);
    }
}
