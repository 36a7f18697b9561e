package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kubelet {@code BackOff} event of a crash-looping container. Kubernetes 1.26 (kubernetes#113216) reworded it from
 * {@code Back-off restarting failed container} to
 * {@code Back-off restarting failed container triton in pod triton-6d4cf56db6-2xk8p_inference(0a1b...)}, so the
 * container name is there only on newer kubelets.
 *
 * @param container the container name, on kubelets that print it
 * @param pod       the pod name, on kubelets that print it
 * @param raw       the message verbatim
 */
public record ContainerBackOff(Optional<String> container, Optional<String> pod, String raw) {

    /**
     * The event's words, and the container's CrashLoopBackOff waiting message ({@code Back-off 20s restarting failed
     * container=x pod=y_ns(uid)}; {@code back-off 5m0s ...} in newer kubelets), which a console shows as the
     * container's state.
     */
    private static final Pattern BACK_OFF = Pattern.compile("[Bb]ack-off(?: \\d+[smh]\\w*)? restarting failed container"
            + "(?:[=\\s]+([^\\s=]+))?(?:\\s+(?:in pod\\s+|pod=)([^_\\s(]+))?");

    private static final LastParse<Optional<ContainerBackOff>> LAST = new LastParse<>(ContainerBackOff::read);

    /** Never throws; empty when the message is not a restart back-off (e.g. {@code Back-off pulling image}). */
    public static Optional<ContainerBackOff> parse(String message) {
        return LAST.parse(message);
    }

    private static Optional<ContainerBackOff> read(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = BACK_OFF.matcher(message);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new ContainerBackOff(Optional.ofNullable(m.group(1)), Optional.ofNullable(m.group(2)),
                message));
    }

    /** {@code {container} {pod}} for the hint catalog, on kubelets that print them. */
    public Facts facts() {
        return Facts.empty().with(Fact.CONTAINER, container).with(Fact.POD, pod);
    }
}
