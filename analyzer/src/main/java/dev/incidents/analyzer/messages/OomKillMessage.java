package dev.incidents.analyzer.messages;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kernel OOM kill reported as a node event: the kubelet's {@code SystemOOM}
 * ({@code System OOM encountered, victim process: tritonserver, pid: 4242}) or node-problem-detector's
 * {@code OOMKilling} ({@code Memory cgroup out of memory: Killed process 4242 (tritonserver) total-vm:..., anon-rss:...}
 * or {@code Out of memory: Kill process 4242 (python) score 1000 or sacrifice child}). A container OOMKilled for its
 * own limit often leaves no event at all (only the Pod's last state), so these name the process when they exist.
 *
 * @param process the killed process name
 * @param pid     its pid
 * @param cgroup  true for a memory-cgroup OOM (a container limit), false for a node-wide one
 * @param raw     the message verbatim
 */
public record OomKillMessage(Optional<String> process, Optional<String> pid, boolean cgroup, String raw) {

    private static final Pattern SYSTEM_OOM = Pattern.compile("victim process: ([^,]+), pid: (\\d+)");
    private static final Pattern KILLED = Pattern.compile("Kill(?:ed)? process (\\d+) \\(([^)]*)\\)");

    /** Never throws; empty when the message is not an OOM kill. */
    public static Optional<OomKillMessage> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher system = SYSTEM_OOM.matcher(message);
        if (system.find()) {
            return Optional.of(new OomKillMessage(Optional.of(system.group(1).trim()), Optional.of(system.group(2)),
                    false, message));
        }
        Matcher killed = KILLED.matcher(message);
        if (killed.find()) {
            return Optional.of(new OomKillMessage(Optional.of(killed.group(2)), Optional.of(killed.group(1)),
                    message.contains("Memory cgroup out of memory"), message));
        }
        if (message.contains("System OOM encountered")) {
            return Optional.of(new OomKillMessage(Optional.empty(), Optional.empty(), false, message));
        }
        return Optional.empty();
    }
}
