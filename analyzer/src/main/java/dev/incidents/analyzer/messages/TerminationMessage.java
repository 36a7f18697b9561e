package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Clue;
import java.util.Locale;
import java.util.Optional;

/**
 * What a container's last words say of why it exited: its termination message ({@code Last State: Terminated,
 * Message: ...}), which the kubelet fills from the container's log tail when its {@code terminationMessagePolicy} is
 * {@code FallbackToLogsOnError}, or from the file the application writes. For GPU inference servers the message names
 * the cause outright:
 * <ul>
 *   <li>{@code torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB ...}, {@code CUDA error: out of
 *       memory}: the model, its context or its batch does not fit in the GPU's memory;</li>
 *   <li>vLLM's {@code The model's max seq len (131072) is larger than the maximum number of tokens that can be stored in
 *       KV cache (61248)}: the KV cache the GPU memory leaves is smaller than the context asked for;</li>
 *   <li>{@code CUDA driver version is insufficient for CUDA runtime version}, {@code Found no NVIDIA driver on your
 *       system}, {@code no CUDA-capable device is detected}: the container has no usable GPU driver.</li>
 * </ul>
 */
public final class TerminationMessage {

    private TerminationMessage() {
    }

    /** The cause the message proves, or empty (most messages name none the catalog knows). */
    public static Optional<Clue> clue(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("maximum number of tokens that can be stored in kv cache")
                || m.contains("no available memory for the cache blocks")) {
            return Optional.of(Clue.KV_CACHE_TOO_SMALL);
        }
        if (m.contains("cuda out of memory") || m.contains("cuda error: out of memory")
                || m.contains("outofmemoryerror: cuda")) {
            return Optional.of(Clue.GPU_OUT_OF_MEMORY);
        }
        if (m.contains("cuda driver version is insufficient") || m.contains("found no nvidia driver")
                || m.contains("no cuda-capable device is detected")) {
            return Optional.of(Clue.NO_USABLE_GPU_DRIVER);
        }
        return Optional.empty();
    }
}
