package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Facts;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kubelet's {@code FailedCreatePodSandBox}: the runtime could not create the pod's sandbox, so no container can
 * start. Two families matter: networking (the CNI plugin, often out of IP addresses on AWS VPC CNI) and the runtime
 * handler of a RuntimeClass (a GPU pod with {@code runtimeClassName: nvidia} on a node whose containerd has no
 * {@code nvidia} runtime), e.g.
 * {@code Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox runtime: no runtime for
 * "nvidia" is configured}.
 *
 * @param kind           the family
 * @param runtimeHandler the missing runtime handler, for {@link Kind#RUNTIME_HANDLER}
 * @param cniPlugin      the CNI plugin named by {@code plugin type="aws-cni"}, when printed
 * @param raw            the message verbatim
 */
public record SandboxFailure(Kind kind, Optional<String> runtimeHandler, Optional<String> cniPlugin, String raw) {

    public enum Kind {
        IP_EXHAUSTED,
        CNI,
        RUNTIME_HANDLER,
        SANDBOX_IMAGE,
        /** The NVIDIA runtime's hook, run for every sandbox where nvidia is the runtime's default. */
        NVIDIA_TOOLKIT,
        /** The runtime itself: a sandbox name still reserved, a name in use, a timeout, a cgroup it cannot write. */
        RUNTIME,
        OTHER
    }

    private static final Pattern HANDLER = Pattern.compile("no runtime for \"([^\"]+)\" is configured");
    private static final Pattern HANDLER_CRIO = Pattern.compile("failed to find runtime handler (\\S+)");
    /** containerd through CRI v1: {@code RuntimeHandler "nvidia" not supported}. */
    private static final Pattern HANDLER_CRI = Pattern.compile("RuntimeHandler \"([^\"]+)\" not supported");
    /**
     * The runtime failing on its own: containerd still holding a sandbox name for one it did not finish ({@code failed
     * to reserve sandbox name ... is reserved for}), Docker's name conflict with a leftover container, the CRI call
     * timing out, the cgroup of the sandbox not writable ({@code error setting cgroup config}).
     */
    private static final Pattern RUNTIME = Pattern.compile("failed to reserve sandbox name|is already in use by container"
            + "|code = DeadlineExceeded|error setting cgroup config|failed to create shim task|OCI runtime create failed");
    private static final Pattern PLUGIN = Pattern.compile("plugin type=\"([^\"]+)\"");

    /** Never throws; empty when the message is not a sandbox failure. */
    public static Optional<SandboxFailure> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (!lower.contains("sandbox")) {
            return Optional.empty();
        }
        for (Pattern words : new Pattern[] {HANDLER, HANDLER_CRIO, HANDLER_CRI}) {
            Matcher handler = words.matcher(message);
            if (handler.find()) {
                return Optional.of(new SandboxFailure(Kind.RUNTIME_HANDLER, Optional.of(handler.group(1)),
                        Optional.empty(), message));
            }
        }
        if (ContainerStartFailure.nvidiaToolkit(lower)) {
            return Optional.of(new SandboxFailure(Kind.NVIDIA_TOOLKIT, Optional.empty(), Optional.empty(), message));
        }
        if (lower.contains("failed to get sandbox image") || lower.contains("pause")
                && (lower.contains("failed to pull") || lower.contains("failed pulling"))) {
            // the runtime cannot pull its pause image (containerd's sandbox_image, registry.k8s.io/pause by default):
            // an air-gapped or filtered node, or a mirror without it
            return Optional.of(new SandboxFailure(Kind.SANDBOX_IMAGE, Optional.empty(), Optional.empty(), message));
        }
        Matcher plugin = PLUGIN.matcher(message);
        Optional<String> cni = plugin.find() ? Optional.of(plugin.group(1)) : Optional.empty();
        if (lower.contains("failed to assign an ip") || lower.contains("no available ip")
                || lower.contains("no ip addresses available") || lower.contains("insufficientfreeaddresses")
                || lower.contains("range is full")) {
            return Optional.of(new SandboxFailure(Kind.IP_EXHAUSTED, Optional.empty(), cni, message));
        }
        if (lower.contains("cni") || lower.contains("network for sandbox") || lower.contains("set up pod")
                || cni.isPresent()) {
            return Optional.of(new SandboxFailure(Kind.CNI, Optional.empty(), cni, message));
        }
        if (RUNTIME.matcher(message).find()) {
            return Optional.of(new SandboxFailure(Kind.RUNTIME, Optional.empty(), Optional.empty(), message));
        }
        return Optional.of(new SandboxFailure(Kind.OTHER, Optional.empty(), Optional.empty(), message));
    }

    /** The clue of the family, for the hint catalog. */
    public Facts facts() {
        return switch (kind) {
            case IP_EXHAUSTED -> Facts.empty().withClue(Clue.IP_EXHAUSTED);
            case CNI -> Facts.empty().withClue(Clue.CNI_FAILED);
            case RUNTIME_HANDLER -> Facts.empty().withClue(Clue.RUNTIME_HANDLER_MISSING);
            case SANDBOX_IMAGE -> Facts.empty().withClue(Clue.SANDBOX_IMAGE_PULL_FAILED);
            case NVIDIA_TOOLKIT -> Facts.empty().withClue(Clue.NVIDIA_TOOLKIT_FAILED);
            case RUNTIME -> Facts.empty().withClue(Clue.RUNTIME_UNHEALTHY);
            case OTHER -> Facts.empty();
        };
    }
}
