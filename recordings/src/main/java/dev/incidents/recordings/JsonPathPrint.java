package dev.incidents.recordings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kubectl's jsonpath print of one pod's container states: {@code kubectl get pod oom -n l02 -o jsonpath='{.status
 * .containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}'},
 * then its output, {@code OOMKilled 137}. The template says which field each printed word is, so the output becomes
 * the pod with those container states (a reason the runtime or the kubelet gave, an exit code, a restart count, the
 * phase). Templates that print lists ({@code [*]}, {@code range}) or values glued together are left alone, as are
 * prints of other fields (an image, a node's allocatable).
 */
final class JsonPathPrint {
    /** {@code -o jsonpath='...'}, {@code -o 'jsonpath=...'}, {@code --output=jsonpath="..."}, unquoted. */
    private static final Pattern TEMPLATE = Pattern.compile("(?:^|\\s)(?:-o|--output)(?:=|\\s+)(?:'jsonpath=([^']*)'"
            + "|\"jsonpath=([^\"]*)\"|jsonpath='([^']*)'|jsonpath=\"([^\"]*)\"|jsonpath=(\\S+))");
    private static final Pattern EXPRESSION = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern CONTAINER_FIELD = Pattern.compile("^\\.status\\.(containerStatuses|initContainerStatuses)"
            + "\\[(\\d{1,2})]\\.(?:(state|lastState)\\.(terminated|waiting)\\.(reason|exitCode)|(restartCount))$");
    private static final Pattern QUOTED_LITERAL = Pattern.compile("^\"((?:[^\"\\\\]|\\\\.)*)\"$");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z][A-Za-z]*|-?\\d{1,9}");
    private static final Set<String> PHASES = Set.of("Pending", "Running", "Succeeded", "Failed", "Unknown");

    private JsonPathPrint() {
    }

    /** Emits a Pod for each jsonpath print of a named pod's container states in {@code lines}. */
    static void read(List<String> lines, DescribeSink sink) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher template = TEMPLATE.matcher(line);
            if (!template.find()) {
                continue;
            }
            PodCommand command = PodCommand.namedGet(line);
            if (command == null) {
                continue;
            }
            List<String> output = new ArrayList<>();
            for (int k = i + 1; k < lines.size() && !ends(lines.get(k)); k++) {
                output.add(lines.get(k).strip());
            }
            ObjectNode pod = pod(template(template), String.join(" ", output), command);
            if (pod != null) {
                sink.snapshot(pod, i + 1);
            }
        }
    }

    /** The output ends at a blank line, a fence or the next command. */
    private static boolean ends(String line) {
        return line.isBlank() || line.strip().startsWith("```") || TEMPLATE.matcher(line).find()
                || KubectlCommands.isCommandLine(line);
    }

    private static String template(Matcher template) {
        for (int g = 1; g <= template.groupCount(); g++) {
            if (template.group(g) != null) {
                return template.group(g);
            }
        }
        return "";
    }

    /** The pod {@code printed} describes under {@code template}, null when it does not match or prints no state. */
    private static ObjectNode pod(String template, String printed, PodCommand command) {
        StringBuilder regex = new StringBuilder("^\\s*");
        List<String> paths = new ArrayList<>();
        Matcher expression = EXPRESSION.matcher(template);
        int at = 0;
        boolean separated = true;
        while (expression.find()) {
            String literal = template.substring(at, expression.start());
            at = expression.end();
            String inside = expression.group(1).strip();
            Matcher quoted = QUOTED_LITERAL.matcher(inside);
            if (quoted.matches()) {
                literal += quoted.group(1).replace("\\n", "\n").replace("\\t", "\t");
                separated |= !literal.isEmpty();
                appendLiteral(regex, literal);
                continue;
            }
            appendLiteral(regex, literal);
            if (!CONTAINER_FIELD.matcher(inside).matches() && !".status.phase".equals(inside)) {
                return null; // a list, a range, a field this print is not read for
            }
            if (!separated && literal.isEmpty()) {
                return null; // two values printed with nothing between them
            }
            regex.append("(").append(VALUE.pattern()).append(")");
            paths.add(inside);
            separated = false;
        }
        appendLiteral(regex, template.substring(at));
        regex.append("\\s*$");
        Matcher values = Pattern.compile(regex.toString()).matcher(printed);
        if (paths.isEmpty() || !values.matches()) {
            return null;
        }
        return pod(paths, values, command);
    }

    /**
     * A literal's words, any whitespace around and between them (the output's lines are joined by one space, and a
     * value's own pattern ends it where a separator of blanks alone stood).
     */
    private static void appendLiteral(StringBuilder regex, String literal) {
        String words = literal.strip();
        regex.append("\\s*");
        if (!words.isEmpty()) {
            String[] split = words.split("\\s+");
            for (int w = 0; w < split.length; w++) {
                regex.append(w == 0 ? "" : "\\s+").append(Pattern.quote(split[w]));
            }
            regex.append("\\s*");
        }
    }

    private static ObjectNode pod(List<String> paths, Matcher values, PodCommand command) {
        ObjectNode status = JsonLogReader.MAPPER.createObjectNode();
        boolean state = false;
        for (int k = 0; k < paths.size(); k++) {
            String value = values.group(k + 1);
            if (".status.phase".equals(paths.get(k))) {
                if (!PHASES.contains(value)) {
                    return null;
                }
                status.put("phase", value);
                continue;
            }
            Matcher field = CONTAINER_FIELD.matcher(paths.get(k));
            field.matches();
            ObjectNode container = container(status, field.group(1), Integer.parseInt(field.group(2)));
            boolean number = value.matches("-?\\d+");
            if (field.group(6) != null) {
                if (!number) {
                    return null;
                }
                container.put("restartCount", Integer.parseInt(value));
            } else if ("exitCode".equals(field.group(5))) {
                if (!number || !"terminated".equals(field.group(4))) {
                    return null;
                }
                ((ObjectNode) container.with(field.group(3)).with("terminated")).put("exitCode", Integer.parseInt(value));
            } else {
                if (number) {
                    return null;
                }
                ((ObjectNode) container.with(field.group(3)).with(field.group(4))).put("reason", value);
                state = true;
            }
        }
        if (!state) {
            return null; // a phase or a count alone: the listing says as much
        }
        if (!status.has("phase")) {
            status.put("phase", "Running");
        }
        for (String kind : List.of("containerStatuses", "initContainerStatuses")) {
            for (var c : status.path(kind)) {
                ObjectNode container = (ObjectNode) c;
                if (!container.has("restartCount")) {
                    // a last state is a run that ended before this one; back-off waits between restarts
                    boolean restarted = container.has("lastState")
                            || "CrashLoopBackOff".equals(container.path("state").path("waiting").path("reason").asText());
                    container.put("restartCount", restarted ? 1 : 0);
                }
            }
        }
        return command.pod(status);
    }

    /** The container at {@code index} of a status list, the list filled with unnamed containers up to it. */
    private static ObjectNode container(ObjectNode status, String list, int index) {
        ArrayNode statuses = status.has(list) ? (ArrayNode) status.get(list) : status.putArray(list);
        while (statuses.size() <= index) {
            int n = statuses.size();
            statuses.addObject().put("name", (list.startsWith("init") ? "unnamed-init-container" : DescribePod.UNNAMED_CONTAINER)
                    + (n == 0 ? "" : "-" + (n + 1))).put("ready", false);
        }
        return (ObjectNode) statuses.get(index);
    }
}
