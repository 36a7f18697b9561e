package dev.incidents.analyzer.messages;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kubelet or its container runtime cannot write on the node's own disk while doing something other than pulling
 * an image (that is {@link ImagePullFailure}): creating the pod's directory ({@code Error syncing pod, skipping: mkdir
 * /var/lib/kubelet/pods/bb1e...: no space left on device}, kubernetes#3431), a volume's directory, a container's
 * log or its writable layer ({@code write /var/lib/docker/overlay2/...: no space left on device}). Every pod placed
 * on the node meets the same full disk, so it is the node's problem, as its own {@code NodeHasDiskPressure} would be.
 * <p>
 * {@code no space left on device} is also what the kernel says when inotify runs out of watches ({@code failed to
 * create fsnotify watcher: no space left on device}): that is a sysctl, not a disk, and is not read here.
 *
 * @param path the full filesystem's path as the message gives it
 * @param raw  the message verbatim
 */
public record NodeDiskFull(String path, String raw) {

    private static final String NO_SPACE = "no space left on device";
    /** A path the kubelet or the runtime owns on the node's disk. */
    private static final Pattern NODE_PATH = Pattern.compile(
            "(/var/(?:lib/(?:kubelet|docker|containerd|containers|rancher)|log)(?:/[^\\s\":]*)?)");

    /** Never throws; empty unless the message is a node-owned write failing for lack of space. */
    public static Optional<NodeDiskFull> parse(String message) {
        if (message == null || !message.contains(NO_SPACE)) {
            return Optional.empty();
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("inotify") || lower.contains("fsnotify") || lower.contains("watcher")) {
            return Optional.empty();
        }
        if (ImagePullFailure.parse(message).isPresent()) {
            return Optional.empty();
        }
        Matcher path = NODE_PATH.matcher(message);
        return path.find() ? Optional.of(new NodeDiskFull(path.group(1), message)) : Optional.empty();
    }
}
