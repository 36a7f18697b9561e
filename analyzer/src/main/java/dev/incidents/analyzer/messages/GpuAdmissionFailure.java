package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kubelet rejecting a pod the scheduler already placed on its node, because it cannot hand over the pod's devices.
 * The pod ends {@code Failed} with the rejection as its status reason, and an event of the same reason:
 * <ul>
 *   <li>{@code UnexpectedAdmissionError}: {@code Allocate failed due to requested number of devices unavailable for
 *       nvidia.com/gpu. Requested: 1, Available: 0, which is unexpected} (the device manager's view disagrees with the
 *       scheduler's, typically after a kubelet or device plugin restart, or devices marked unhealthy), or
 *       {@code Allocate failed due to rpc error: ...} from the device plugin itself;</li>
 *   <li>{@code OutOfnvidia.com/gpu}: {@code Node didn't have enough resource: nvidia.com/gpu, requested: 1, used: 8,
 *       capacity: 8} (the kubelet's own accounting: pods bound with {@code nodeName} past the scheduler, or still
 *       terminating, hold the devices);</li>
 *   <li>{@code TopologyAffinityError}: the topology manager cannot align the devices with one NUMA node.</li>
 * </ul>
 *
 * @param resource the device resource, when named
 * @param clue     the family
 * @param raw      the message verbatim
 */
public record GpuAdmissionFailure(Optional<String> resource, Clue clue, String raw) {

    private static final Pattern DEVICES_UNAVAILABLE = Pattern.compile(
            "(?:devices unavailable|unhealthy devices?|no healthy devices?)[^.]*? for (\\S+?)[.,]?(?:\\s|$)");

    /**
     * Never throws; empty unless the reason is a kubelet admission rejection of devices. {@code OutOf<resource>}
     * counts only for accelerator resources ({@code OutOfcpu} and the others are {@link KubeletAdmission}'s).
     */
    public static Optional<GpuAdmissionFailure> parse(String reason, String message) {
        String text = message == null ? "" : message;
        if ("UnexpectedAdmissionError".equals(reason)) {
            Matcher m = DEVICES_UNAVAILABLE.matcher(text);
            Optional<String> resource = m.find() ? Optional.of(m.group(1)) : Optional.empty();
            return Optional.of(new GpuAdmissionFailure(resource, Clue.DEVICE_MANAGER_OUT_OF_SYNC, text));
        }
        if ("TopologyAffinityError".equals(reason)) {
            return Optional.of(new GpuAdmissionFailure(Optional.empty(), Clue.TOPOLOGY_AFFINITY, text));
        }
        if (reason != null && reason.startsWith(KubeletAdmission.OUT_OF)
                && FailedSchedulingMessage.isAccelerator(reason.substring(KubeletAdmission.OUT_OF.length()))) {
            return Optional.of(new GpuAdmissionFailure(KubeletAdmission.outOfResource(reason, text),
                    Clue.KUBELET_DEVICES_HELD, text));
        }
        return Optional.empty();
    }

    public Facts facts() {
        return Facts.empty().with(Fact.RESOURCE, resource).withClue(clue);
    }
}
