package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kubelet refusing a pod already bound to its node for a check the scheduler makes too, which it makes again at
 * admission: the pod was bound past the scheduler ({@code nodeName} set by hand, or by a controller that places pods
 * itself), or the node changed after the scheduler placed it (its labels not yet synced after a kubelet restart,
 * static pods taking the room). The pod ends {@code Failed} with the check as its status reason, and an event of the
 * same reason:
 * <ul>
 *   <li>{@code OutOfcpu}, {@code OutOfmemory}, {@code OutOfpods}, {@code OutOfephemeral-storage}: {@code Node didn't have
 *       enough resource: cpu, requested: 4000, used: 7500, capacity: 8000} (accelerators are
 *       {@link GpuAdmissionFailure}'s);</li>
 *   <li>{@code NodeAffinity} ({@code MatchNodeSelector} before 1.13): {@code Predicate NodeAffinity failed};</li>
 *   <li>{@code TaintToleration}: {@code Predicate TaintToleration failed} (a NoExecute taint it does not tolerate);</li>
 *   <li>{@code NodePorts} ({@code PodFitsHostPorts} before 1.19): {@code Predicate NodePorts failed}.</li>
 * </ul>
 *
 * @param category the category of the same check failed at the scheduler
 * @param resource what the node lacks, for the resource checks
 * @param raw      the message verbatim
 */
public record KubeletAdmission(Category category, Optional<String> resource, String raw) {

    static final String OUT_OF = "OutOf";
    private static final String PREDICATE_START = "Predicate ";
    private static final Pattern PREDICATE = Pattern.compile("^" + PREDICATE_START + "(\\w+) failed");
    private static final Pattern NOT_ENOUGH = Pattern.compile("didn't have enough resource: (\\S+?),");

    /** Never throws; empty unless {@code reason} (an event's, or a Failed pod's status reason) is such a refusal. */
    public static Optional<KubeletAdmission> parse(String reason, String message) {
        if (reason == null) {
            return Optional.empty();
        }
        String text = message == null ? "" : message.trim();
        Optional<String> lacking = outOfResource(reason, text);
        if (lacking.isPresent()) {
            return FailedSchedulingMessage.isAccelerator(lacking.get()) ? Optional.empty()
                    : Optional.of(new KubeletAdmission(Category.INSUFFICIENT_RESOURCES, lacking, text));
        }
        // Only a message that starts so can match (the pattern is anchored): most pod events do not, and a matcher per
        // pod event was 3 % of what a fleet replay allocates on its main thread
        Matcher predicate = text.startsWith(PREDICATE_START) ? PREDICATE.matcher(text) : null;
        return switch (predicate != null && predicate.find() ? predicate.group(1) : reason) {
            case "NodeAffinity", "MatchNodeSelector" ->
                    Optional.of(new KubeletAdmission(Category.NODE_SELECTOR_MISMATCH, Optional.empty(), text));
            case "TaintToleration", "PodToleratesNodeTaints" ->
                    Optional.of(new KubeletAdmission(Category.UNTOLERATED_TAINT, Optional.empty(), text));
            case "NodePorts", "PodFitsHostPorts" ->
                    Optional.of(new KubeletAdmission(Category.INSUFFICIENT_RESOURCES, Optional.of("host ports"), text));
            default -> Optional.empty();
        };
    }

    /**
     * The resource an {@code OutOf<resource>} refusal lacks, as its message names it ({@code Node didn't have enough
     * resource: cpu, ...}), else as its reason does; empty for any other reason. Devices' refusals read it too
     * ({@link GpuAdmissionFailure}).
     */
    static Optional<String> outOfResource(String reason, String message) {
        if (reason == null || !reason.startsWith(OUT_OF) || reason.length() == OUT_OF.length()) {
            return Optional.empty();
        }
        Matcher m = NOT_ENOUGH.matcher(message == null ? "" : message);
        return Optional.of(m.find() ? m.group(1) : reason.substring(OUT_OF.length()));
    }

    public Facts facts() {
        return Facts.empty().with(Fact.RESOURCE, resource).withClue(Clue.KUBELET_REJECTED);
    }
}
