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
 *
 * <p>Container statuses pasted without their command, under a listing or a sentence ({@code - containerID: ...},
 * {@code lastState: terminated: reason: OOMKilled}), are read alike when they name their pod themselves: a container
 * waiting in {@code CrashLoopBackOff} says {@code pod=<name>_<namespace>(uid)} (sylva workload-cluster-operator#37).
 * The reporter's marks inside the lines, an elision ({@code ...}, which YAML would take for the end of its document)
 * and a row of carets under a value ({@code ^^^^^^^^} under {@code reason: OOMKilled}), are not YAML and are left out.
 */
final class PodYamlExcerpt {
    private static final Pattern YAML_OUTPUT = Pattern.compile("(?:^|\\s)(?:-o|--output)(?:=|\\s+)yaml\\b");
    /** Where container statuses pasted without their command start: a status's first key or the list's. */
    private static final Pattern STATUSES_START = Pattern.compile(
            "^\\s*(?:-\\s+)?(?:containerStatuses|initContainerStatuses|containerID|lastState|state):");
    /** A line of YAML: a key, or a list item. */
    private static final Pattern YAML_LINE = Pattern.compile("^\\s*(?:-\\s+)?[\\w\"-]+:(?:\\s|$)|^\\s*-\\s");
    /** A reporter's underline under a value: carets only. */
    private static final Pattern UNDERLINE = Pattern.compile("^\\s*\\^+\\s*$");

    private PodYamlExcerpt() {
    }

    /** Emits the pod of each named pod's YAML excerpt in {@code lines}. */
    static void read(List<String> lines, DescribeSink sink) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (STATUSES_START.matcher(line).lookingAt() && (i == 0 || !YAML_LINE.matcher(lines.get(i - 1)).find())) {
                int k = excerptEnd(lines, i);
                ObjectNode pod = YamlObjects.statusFragment(dedent(excerpt(lines, i, k)));
                if (pod != null && "Pod".equals(pod.path("kind").asText())
                        && !Unnamed.POD.equals(pod.path("metadata").path("name").asText())) {
                    sink.snapshot(pod, i + 1);
                    i = k - 1;
                }
                continue;
            }
            if (!YAML_OUTPUT.matcher(line).find()) {
                continue;
            }
            PodCommand command = PodCommand.namedGet(line);
            if (command == null) {
                continue;
            }
            int k = excerptEnd(lines, i + 1);
            List<String> excerpt = excerpt(lines, i + 1, k);
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

    /** Where the output starting at {@code from} ends: a blank line, a code fence, the next command. */
    private static int excerptEnd(List<String> lines, int from) {
        int k = from;
        while (k < lines.size() && !lines.get(k).isBlank() && !lines.get(k).strip().startsWith("```")
                && !lines.get(k).strip().startsWith("~~~") && !KubectlCommands.isCommandLine(lines.get(k))) {
            k++;
        }
        return k;
    }

    /** The lines from {@code from} to {@code to} without the reporter's elisions and underlines. */
    private static List<String> excerpt(List<String> lines, int from, int to) {
        List<String> excerpt = new ArrayList<>();
        for (String line : lines.subList(from, to)) {
            if (!PastedText.isElision(line) && !UNDERLINE.matcher(line).matches()) {
                excerpt.add(line);
            }
        }
        return excerpt;
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
