package dev.incidents.recordings;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's state from {@code kubectl get pod -o yaml} pasted with its indentation lost: {@code terminated:} and
 * then {@code exitCode: 137}, {@code reason: OOMKilled} flush left under it, which YAML reads as siblings of an empty
 * state. The state's own fields (kubectl prints nothing else under it) are put back under it, and the
 * {@code lastState:} or {@code state:} above it, when pasted, gets the state back; a state pasted alone is the
 * container's {@code state}, as it reads.
 */
final class FlatContainerState {
    private static final Pattern STATE = Pattern.compile("^(running|waiting|terminated):\\s*$");
    private static final Pattern HOLDER = Pattern.compile("^(lastState|state):\\s*$");
    private static final Pattern KEY = Pattern.compile("^([a-zA-Z]+):(?:\\s.*)?$");
    /** The fields of the three states (ContainerStateRunning, ContainerStateWaiting, ContainerStateTerminated). */
    private static final Set<String> STATE_FIELDS = Set.of("containerID", "exitCode", "finishedAt", "message", "reason",
            "signal", "startedAt");

    private FlatContainerState() {
    }

    /** {@code yaml} with a flush-left state put back together; as it is when it holds none. */
    static String reindent(String yaml) {
        List<String> lines = yaml.lines().toList();
        int state = -1;
        for (int i = 0; i < lines.size() && state < 0; i++) {
            if (STATE.matcher(lines.get(i)).matches()) {
                state = i;
            }
        }
        if (state < 0 || state + 1 >= lines.size() || !isStateField(lines.get(state + 1))) {
            return yaml;
        }
        int end = state + 1; // the state's fields: the run of them right under it
        while (end < lines.size() && isStateField(lines.get(end))) {
            end++;
        }
        boolean held = state > 0 && HOLDER.matcher(lines.get(state - 1)).matches();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i == state) {
                out.append(held ? "  " : "state:\n  ");
            } else if (i > state && i < end) {
                out.append("    ");
            }
            out.append(lines.get(i)).append('\n');
        }
        return out.toString();
    }

    private static boolean isStateField(String line) {
        Matcher m = KEY.matcher(line);
        return m.matches() && STATE_FIELDS.contains(m.group(1));
    }
}
