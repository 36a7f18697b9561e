package dev.incidents.recordings;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A pod's YAML cut to a few lines under the command that printed it, inside a longer paste: {@code oc get pods
 * demo-745cf66f44-zj6dv -o yaml | grep -A 10 lastState}, then the container status lines the grep kept
 * ({@code lastState: terminated: reason: OOMKilled ...}, {@code restartCount: 1}). The lines are read as a pasted
 * status alone is ({@link YamlObjects#statusFragment}), about the pod the command names.
 */
final class PodYamlExcerpt {
    private static final Pattern YAML_OUTPUT = Pattern.compile("(?:^|\\s)(?:-o|--output)(?:=|\\s+)yaml\\b");

    private PodYamlExcerpt() {
    }

    /** Emits the pod of each named pod's YAML excerpt in {@code lines}. */
    static void read(List<String> lines, DescribeSink sink) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!YAML_OUTPUT.matcher(line).find()) {
                continue;
            }
            PodCommand command = PodCommand.namedGet(line);
            if (command == null) {
                continue;
            }
            List<String> excerpt = new ArrayList<>();
            int k = i + 1;
            for (; k < lines.size() && !lines.get(k).isBlank() && !lines.get(k).strip().startsWith("```")
                    && !lines.get(k).strip().startsWith("~~~") && !KubectlCommands.isCommandLine(lines.get(k)); k++) {
                excerpt.add(lines.get(k));
            }
            ObjectNode pod = excerpt.isEmpty() ? null : YamlObjects.statusFragment(dedent(excerpt));
            if (pod != null && "Pod".equals(pod.path("kind").asText())
                    && Unnamed.POD.equals(pod.path("metadata").path("name").asText())) {
                ((ObjectNode) pod.get("metadata")).put("name", command.name())
                        .put("namespace", command.namespaceOrDefault());
                sink.snapshot(pod, i + 2);
            }
            i = k - 1;
        }
    }

    /** The lines without the indentation they all share (a grep keeps the YAML's). */
    private static String dedent(List<String> lines) {
        int common = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                common = Math.min(common, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.length() >= common ? line.substring(common) : line.strip()).append('\n');
        }
        return text.toString();
    }
}
