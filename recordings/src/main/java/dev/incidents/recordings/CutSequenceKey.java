package dev.incidents.recordings;

import java.util.List;

/**
 * A pod status pasted from inside one of its lists: the items of {@code containerStatuses:} with the key above them
 * cut, then the status keys that follow the list ({@code hostIP:}, {@code phase:}, ...) at the items' indentation,
 * which YAML refuses (a sequence cannot be followed by keys of a mapping it is not in). {@code kubectl get -o yaml}
 * prints a status's keys in order, so the list is the one its items' own keys tell: container statuses
 * ({@code containerID}, {@code restartCount}, {@code lastState}), else conditions ({@code lastTransitionTime}).
 */
final class CutSequenceKey {
    private CutSequenceKey() {
    }

    /** {@code yaml} with the cut key restored above its items; null when it is no such paste. */
    static String restore(String yaml) {
        List<String> lines = yaml.lines().toList();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size() || !lines.get(first).stripLeading().startsWith("- ")) {
            return null;
        }
        int indent = indentOf(lines.get(first));
        boolean keysAfter = false;
        int end = lines.size();
        for (int i = first + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && indentOf(line) == indent && !line.stripLeading().startsWith("-")) {
                keysAfter = true;
                end = i;
                break;
            }
        }
        if (!keysAfter) {
            return null;
        }
        String items = String.join("\n", lines.subList(first, end));
        String key = items.contains("restartCount:") || items.contains("containerID:") || items.contains("lastState:")
                ? "containerStatuses" : items.contains("lastTransitionTime:") ? "conditions" : null;
        if (key == null) {
            return null;
        }
        return " ".repeat(indent) + key + ":\n" + String.join("\n", lines.subList(first, lines.size())) + "\n";
    }

    private static int indentOf(String line) {
        return line.length() - line.stripLeading().length();
    }
}
