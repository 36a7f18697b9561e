package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pod's JSON cut to a part of it below the command that printed it: {@code kubectl get pod bowline -n gem -o json >
 * broken.json}, then the file's view from the middle of its status down ({@code "containerStatuses": [ { ...
 * "state": { "waiting": { "reason": "ImagePullBackOff", ... } } } ]}). The container statuses' array, whole in the
 * cut, is the status of the pod the command names, as a YAML excerpt's is ({@link PodYamlExcerpt}).
 */
final class PodJsonExcerpt {
    private static final Pattern JSON_OUTPUT = Pattern.compile("(?:^|\\s)(?:-o|--output)(?:=|\\s+)json\\b");
    private static final Pattern STATUSES = Pattern.compile("\"containerStatuses\"\\s*:\\s*\\[");

    private PodJsonExcerpt() {
    }

    /** Emits the pod of each named pod's JSON excerpt in {@code lines}. */
    static void read(List<String> lines, DescribeSink sink) {
        for (int i = 0; i < lines.size(); i++) {
            PodCommand command = JSON_OUTPUT.matcher(lines.get(i)).find() ? PodCommand.namedGet(lines.get(i)) : null;
            if (command == null) {
                continue;
            }
            // the excerpt runs to the next pod's command: the file's view may come after other commands (vi, cat)
            int end = i + 1;
            while (end < lines.size() && PodCommand.namedGet(lines.get(end)) == null) {
                end++;
            }
            String text = String.join("\n", lines.subList(i + 1, end));
            Matcher statuses = STATUSES.matcher(text);
            ObjectNode pod = statuses.find() ? pod(text, statuses.end() - 1) : null;
            if (pod != null) {
                sink.snapshot(command.pod(pod), i + 2);
            }
            i = end - 1;
        }
    }

    /** The pod status of the container statuses' array that opens at {@code open}, null when it is cut or not JSON. */
    private static ObjectNode pod(String text, int open) {
        int close = closing(text, open);
        if (close < 0) {
            return null;
        }
        try {
            JsonNode array = JsonLogReader.MAPPER.readTree(text.substring(open, close + 1));
            return ContainerStatusFragment.pod(array);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Where the bracket at {@code open} closes, strings skipped; -1 when the text ends first. */
    static int closing(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int k = open; k < text.length(); k++) {
            char c = text.charAt(k);
            if (quoted) {
                if (c == '\\') {
                    k++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && --depth == 0) {
                return k;
            }
        }
        return -1;
    }
}
