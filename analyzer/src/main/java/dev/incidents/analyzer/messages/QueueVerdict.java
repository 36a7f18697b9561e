package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Clue;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch or gang scheduler holding a workload back, in its events on its own object rather than on the pods:
 * Volcano's {@code Unschedulable} on a PodGroup ({@code 1/1 tasks in gang unschedulable: pod group is not ready, 1
 * Pending, 1 minAvailable}, condition reason {@code NotEnoughResources}) and Kueue's {@code Pending} on a Workload
 * ({@code couldn't assign flavors to pod set main: insufficient quota for nvidia.com/gpu in flavor default-flavor},
 * {@code resource cpu unavailable in ClusterQueue}). Either the queue's quota is used up, or the whole gang cannot be
 * placed at once; the pods themselves are often never created, so this is the only evidence.
 *
 * @param resource the resource named, when the verdict names one
 * @param clue     quota or gang
 */
public record QueueVerdict(Optional<String> resource, Clue clue) {

    private static final Pattern RESOURCE = Pattern.compile(
            "(?:resource (\\S+) unavailable|insufficient quota for (\\S+?)[,;]?(?:\\s|$)|Insufficient (\\S+?)[.,;]?(?:\\s|$))");

    /** Never throws; empty unless the event is such a verdict. */
    public static Optional<QueueVerdict> parse(String reason, String message) {
        if (message == null || !("Unschedulable".equals(reason) || "Pending".equals(reason)
                || "NotEnoughResources".equals(reason))) {
            return Optional.empty();
        }
        String m = message.toLowerCase(Locale.ROOT);
        boolean quota = m.contains("couldn't assign flavors") || m.contains("insufficient quota")
                || m.contains("clusterqueue") || m.contains("overused") || m.contains("queue resource quota");
        boolean gang = m.contains("gang unschedulable") || m.contains("minavailable") || m.contains("pod group is not ready")
                || m.contains("not enough resources");
        if (!quota && !gang) {
            return Optional.empty();
        }
        Matcher r = RESOURCE.matcher(message);
        Optional<String> resource = Optional.empty();
        if (r.find()) {
            resource = Optional.ofNullable(r.group(1) != null ? r.group(1) : r.group(2) != null ? r.group(2) : r.group(3));
        }
        return Optional.of(new QueueVerdict(resource, quota ? Clue.QUEUE_QUOTA_EXHAUSTED : Clue.GANG_NOT_PLACEABLE));
    }

    public boolean accelerator() {
        return resource.map(FailedSchedulingMessage::isAccelerator).orElse(false);
    }
}
