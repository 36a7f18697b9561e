package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Facts;
import java.util.Locale;
import java.util.Optional;

/**
 * The runtime could not start a container whose image is already on the node: the kubelet's {@code Failed} event
 * ({@code Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: ...},
 * containerd's {@code Error: failed to create containerd container: ...} before any task, cri-o's
 * {@code Error: container create failed: ...}, Docker's {@code Error response from daemon: OCI runtime create failed}),
 * or a container status {@code StartError} / {@code RunContainerError} / {@code CreateContainerError}. The part after
 * the runtime's prefix says why; the families the hint catalog knows are clues:
 * <ul>
 *   <li>the NVIDIA container toolkit's hook failed ({@code nvidia-container-cli: initialization error: nvml error:
 *       driver not loaded}, {@code load library failed: libnvidia-ml.so.1}): the node's driver or toolkit is broken;</li>
 *   <li>the entrypoint does not exist in the image ({@code executable file not found in $PATH},
 *       {@code no such file or directory} on exec);</li>
 *   <li>the binary is for another CPU architecture ({@code exec format error}).</li>
 * </ul>
 *
 * @param kind the family
 * @param raw  the message verbatim
 */
public record ContainerStartFailure(Kind kind, String raw) {

    public enum Kind {
        NVIDIA_TOOLKIT(Clue.NVIDIA_TOOLKIT_FAILED),
        ENTRYPOINT_MISSING(Clue.ENTRYPOINT_NOT_FOUND),
        ENTRYPOINT_NOT_EXECUTABLE(Clue.ENTRYPOINT_NOT_EXECUTABLE),
        WRONG_ARCHITECTURE(Clue.EXEC_FORMAT_ERROR),
        OTHER(null);

        private final Clue clue;

        Kind(Clue clue) {
            this.clue = clue;
        }
    }

    /**
     * runc refusing to exec the command: {@code exec: "/app/start.sh": permission denied} (runc before 1.1 and Docker),
     * {@code exec /app/start.sh: permission denied} (runc 1.1+), lowercased. A mount or a device refused with permission
     * denied is not an exec.
     */
    private static final java.util.regex.Pattern EXEC_DENIED = java.util.regex.Pattern.compile(
            "\\bexec:? \\\\?\"?[^\"\\s]+?\\\\?\"?: permission denied");

    /** Container status reasons of a container the runtime could not start. */
    public static boolean isStartReason(String reason) {
        return "StartError".equals(reason) || "RunContainerError".equals(reason)
                || "CreateContainerError".equals(reason) || "ContainerCannotRun".equals(reason);
    }

    /** Never throws; empty when the message is not about starting a container (pulls, config, sandboxes). */
    public static Optional<ContainerStartFailure> parse(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        String m = message.toLowerCase(Locale.ROOT);
        boolean startFailure = m.contains("oci runtime") || m.contains("failed to create containerd task")
                || m.contains("failed to create shim task") || m.contains("failed to start container")
                || m.contains("container create failed") || m.contains("cannot start container")
                || m.contains("nvidia-container-cli") || m.contains("runcontainererror")
                || m.contains("createcontainererror") || m.contains("starterror")
                || m.contains("error during container init")
                // containerd's CRI could not make the container at all ("failed to create containerd container: failed
                // to create prepare snapshot dir: ...", "failed to generate container \"x\" spec: ...")
                || m.contains("failed to create containerd container") || m.contains("failed to generate container")
                // ... or the spec's security options ("failed to get container spec opts: failed to generate apparmor spec
                // opts: apparmor profile not found x": a Localhost profile the node has not loaded)
                || m.contains("container spec opts")
                // the kubelet of 1.5 to 1.7 ("Failed to create container with error: rpc error: code = 2 desc = ...",
                // "Failed to create docker container \"x\" of pod \"y\" with error: ...")
                || m.contains("failed to create container with error") || m.contains("failed to create docker container")
                // a create the runtime did not finish in the kubelet's request timeout: the kubelet's bare "Error: context
                // deadline exceeded", then each retry finding the name still held ("error reserving ctr name ...: name is
                // reserved", "failed to reserve container name"); a pod's name held is its sandbox's
                || m.startsWith("error: context deadline exceeded")
                || m.contains("reserving ctr name") || m.contains("reserve container name")
                // Docker's refusal to create the container (dockershim, cri-dockerd): "invalid mount config for type
                // \"bind\": bind source path does not exist", a name conflict; its pull errors say "pull" and are left out
                || m.contains("error response from daemon");
        // a missing Secret key reported through RunContainerError is the configuration's fault, not the runtime's
        if (!startFailure || m.contains("sandbox") || m.contains("pull") || ConfigError.parse(message).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new ContainerStartFailure(kindOf(m), message));
    }

    /** The family of a start failure whose reason is already known (a container status with an empty message). */
    public static ContainerStartFailure ofStatus(String reason, String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return new ContainerStartFailure(kindOf(m), message == null || message.isBlank() ? reason : message);
    }

    /**
     * Whether the runtime's error (lower-cased) is the NVIDIA container toolkit's: its hook or runtime failing (the
     * driver not loaded, NVML), its CDI specification missing for the devices asked (nvidia-ctk cdi generate never ran,
     * or ran before the driver), or Docker without the NVIDIA runtime asked for GPUs.
     */
    static boolean nvidiaToolkit(String m) {
        return m.contains("nvidia-container-cli") || m.contains("nvidia-container-runtime") || m.contains("libnvidia-ml")
                || m.contains("nvml") || m.contains("driver not loaded") || m.contains("nvidia-smi")
                || m.contains("cuda driver")
                || m.contains("unresolvable cdi devices nvidia.com/")
                || m.contains("could not select device driver") && m.contains("[[gpu]]");
    }

    private static Kind kindOf(String m) {
        if (nvidiaToolkit(m)) {
            return Kind.NVIDIA_TOOLKIT;
        }
        if (m.contains("executable file") && m.contains("not found") // cri-o quotes the name: executable file `x` not found
                || m.contains("no such file or directory") && m.contains("exec")) {
            return Kind.ENTRYPOINT_MISSING;
        }
        if (m.contains("exec format error")) {
            return Kind.WRONG_ARCHITECTURE;
        }
        if (EXEC_DENIED.matcher(m).find()) {
            return Kind.ENTRYPOINT_NOT_EXECUTABLE;
        }
        return Kind.OTHER;
    }

    /** The family's clue, for the hint catalog. */
    public Facts facts() {
        return kind.clue == null ? Facts.empty() : Facts.empty().withClue(kind.clue);
    }
}
