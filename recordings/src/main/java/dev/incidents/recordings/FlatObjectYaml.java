package dev.incidents.recordings;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pod's YAML ({@code kubectl get pod -o yaml}, or its {@code status:}) pasted with every line flush left: a web page
 * rendered it outside a code block, or a gist kept it so. YAML reads such text as one flat mapping, or not at all. The
 * nesting comes back from what each key is in a Pod: {@code metadata:} holds {@code name:}, {@code status:} holds
 * {@code conditions:}, a condition holds {@code message:}; a key no deeper mapping takes belongs to the nearest one
 * above that does (kubectl prints keys sorted, so {@code labels:}' entries end where {@code name:} comes). Free-form
 * maps (labels, annotations, a node selector, resource limits) take the keys nothing else knows. A value with
 * {@code ": "} in it (a scheduler's verdict a reporter unquoted) is quoted. No line is added or removed, so line
 * numbers stay.
 */
final class FlatObjectYaml {

    /** A mapping's keys and what each opens: null a scalar, {@code map:X} a mapping, {@code list:X} a list. */
    private static final Map<String, Map<String, String>> SCHEMA = Map.ofEntries(
            Map.entry("root", Map.ofEntries(Map.entry("apiVersion", ""), Map.entry("kind", ""),
                    Map.entry("metadata", "map:metadata"), Map.entry("spec", "map:spec"),
                    Map.entry("status", "map:status"), Map.entry("phase", ""),
                    Map.entry("conditions", "list:condition"), Map.entry("containerStatuses", "list:containerStatus"),
                    Map.entry("initContainerStatuses", "list:containerStatus"), Map.entry("qosClass", ""))),
            Map.entry("metadata", Map.ofEntries(Map.entry("annotations", "free"), Map.entry("creationTimestamp", ""),
                    Map.entry("deletionTimestamp", ""), Map.entry("generateName", ""), Map.entry("labels", "free"),
                    Map.entry("name", ""), Map.entry("namespace", ""), Map.entry("ownerReferences", "list:ownerReference"),
                    Map.entry("resourceVersion", ""), Map.entry("uid", ""), Map.entry("finalizers", "list:"))),
            Map.entry("ownerReference", Map.of("apiVersion", "", "blockOwnerDeletion", "", "controller", "", "kind", "",
                    "name", "", "uid", "")),
            Map.entry("spec", Map.ofEntries(Map.entry("affinity", "map:affinity"), Map.entry("containers", "list:container"),
                    Map.entry("initContainers", "list:container"), Map.entry("nodeName", ""),
                    Map.entry("nodeSelector", "free"), Map.entry("restartPolicy", ""), Map.entry("schedulerName", ""),
                    Map.entry("serviceAccountName", ""), Map.entry("tolerations", "list:toleration"),
                    Map.entry("volumes", "list:volume"), Map.entry("priority", ""), Map.entry("dnsPolicy", ""))),
            Map.entry("container", Map.ofEntries(Map.entry("args", "list:"), Map.entry("command", "list:"),
                    Map.entry("env", "list:env"), Map.entry("image", ""), Map.entry("imagePullPolicy", ""),
                    Map.entry("livenessProbe", "map:probe"), Map.entry("name", ""), Map.entry("ports", "list:port"),
                    Map.entry("readinessProbe", "map:probe"), Map.entry("resources", "map:resources"),
                    Map.entry("startupProbe", "map:probe"), Map.entry("volumeMounts", "list:volumeMount"))),
            Map.entry("env", Map.of("name", "", "value", "", "valueFrom", "free")),
            Map.entry("port", Map.of("containerPort", "", "hostPort", "", "name", "", "protocol", "")),
            Map.entry("resources", Map.of("limits", "free", "requests", "free")),
            Map.entry("volumeMount", Map.of("mountPath", "", "name", "", "readOnly", "", "subPath", "")),
            Map.entry("probe", Map.of("exec", "map:exec", "failureThreshold", "", "httpGet", "map:httpGet",
                    "initialDelaySeconds", "", "periodSeconds", "", "successThreshold", "", "tcpSocket", "free",
                    "timeoutSeconds", "")),
            Map.entry("exec", Map.of("command", "list:")),
            Map.entry("httpGet", Map.of("path", "", "port", "", "scheme", "")),
            Map.entry("affinity", Map.of("nodeAffinity", "map:nodeAffinity")),
            Map.entry("nodeAffinity", Map.of("requiredDuringSchedulingIgnoredDuringExecution", "map:nodeSelector")),
            Map.entry("nodeSelector", Map.of("nodeSelectorTerms", "list:term")),
            Map.entry("term", Map.of("matchExpressions", "list:expression", "matchFields", "list:expression")),
            Map.entry("expression", Map.of("key", "", "operator", "", "values", "list:")),
            Map.entry("toleration", Map.of("effect", "", "key", "", "operator", "", "tolerationSeconds", "", "value", "")),
            Map.entry("volume", Map.of("name", "", "configMap", "free", "secret", "free", "persistentVolumeClaim", "free",
                    "emptyDir", "free", "hostPath", "free")),
            Map.entry("status", Map.ofEntries(Map.entry("conditions", "list:condition"),
                    Map.entry("containerStatuses", "list:containerStatus"), Map.entry("hostIP", ""),
                    Map.entry("initContainerStatuses", "list:containerStatus"), Map.entry("message", ""),
                    Map.entry("nominatedNodeName", ""), Map.entry("phase", ""), Map.entry("podIP", ""),
                    Map.entry("qosClass", ""), Map.entry("reason", ""), Map.entry("startTime", ""))),
            Map.entry("condition", Map.of("lastProbeTime", "", "lastTransitionTime", "", "message", "", "reason", "",
                    "status", "", "type", "")),
            Map.entry("containerStatus", Map.of("containerID", "", "image", "", "imageID", "", "lastState", "map:state",
                    "name", "", "ready", "", "restartCount", "", "started", "", "state", "map:state")),
            Map.entry("state", Map.of("running", "map:stateFields", "terminated", "map:stateFields",
                    "waiting", "map:stateFields")),
            Map.entry("stateFields", Map.of("containerID", "", "exitCode", "", "finishedAt", "", "message", "",
                    "reason", "", "signal", "", "startedAt", "")));

    /** What says the text is a pod's YAML laid flat: one of the keys that open a Pod's mappings, on a line of its own. */
    private static final Pattern OPENER = Pattern.compile(
            "^(?:metadata|spec|status|conditions|containerStatuses|lastState|state):\\s*$", Pattern.MULTILINE);
    private static final Pattern KEY_LINE = Pattern.compile("^([A-Za-z][\\w./-]*):(?:\\s+(.*?))?\\s*$");
    private static final Pattern ITEM = Pattern.compile("^-\\s+(.*?)\\s*$");

    private FlatObjectYaml() {
    }

    /** One open mapping or list: its schema context, the indentation of its keys (a list's: of its dashes). */
    private record Frame(String context, int indent, boolean list) {
        boolean free() {
            return "free".equals(context);
        }
    }

    /** {@code yaml} indented as a Pod's YAML is; as it is when it is not one laid flat (or not only). */
    static String reindent(String yaml) {
        if (!OPENER.matcher(yaml).find() || !flat(yaml)) {
            return yaml;
        }
        List<String> lines = yaml.lines().toList();
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame("root", 0, false));
        StringBuilder out = new StringBuilder(yaml.length() + lines.size() * 8);
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                out.append(line).append('\n');
                continue;
            }
            Matcher item = ITEM.matcher(line);
            if (item.matches()) {
                String rest = item.group(1);
                Matcher key = KEY_LINE.matcher(rest);
                boolean keyed = key.matches();
                Frame list = list(stack, keyed ? key.group(1) : null);
                if (list == null) {
                    return yaml; // a list item outside any list: not a Pod's YAML
                }
                while (stack.peek() != list) {
                    stack.pop();
                }
                out.append(" ".repeat(list.indent())).append("- ");
                if (keyed) {
                    Frame entry = new Frame(list.context(), list.indent() + 2, false);
                    stack.push(entry);
                    out.append(field(stack, entry, key)).append('\n');
                } else {
                    out.append(rest).append('\n');
                }
                continue;
            }
            Matcher key = KEY_LINE.matcher(line);
            if (!key.matches()) {
                out.append(line).append('\n'); // a folded value's next line, or prose: left as it is
                continue;
            }
            Frame owner = owner(stack, key.group(1));
            while (stack.peek() != owner) {
                stack.pop();
            }
            out.append(" ".repeat(owner.indent())).append(field(stack, owner, key)).append('\n');
        }
        return yaml.endsWith("\n") ? out.toString() : out.substring(0, out.length() - 1);
    }

    /**
     * The open list an item starting with {@code key} belongs to: the innermost whose items take that key (a scalar's,
     * {@code key} null: the innermost list of scalars), else the innermost list; null when no list is open.
     */
    private static Frame list(Deque<Frame> stack, String key) {
        Frame innermost = null;
        for (Frame frame : stack) {
            if (!frame.list()) {
                continue;
            }
            innermost = innermost == null ? frame : innermost;
            boolean takes = key == null ? frame.context().isEmpty()
                    : SCHEMA.getOrDefault(frame.context(), Map.of()).containsKey(key);
            if (takes) {
                return frame;
            }
        }
        return innermost;
    }

    /** Every line flush left: nothing is indented but what a paste indents anyway (none here). */
    private static boolean flat(String yaml) {
        return yaml.lines().noneMatch(l -> !l.isBlank() && Character.isWhitespace(l.charAt(0)));
    }

    /** The innermost open mapping that takes {@code key}; the innermost mapping when none does. */
    private static Frame owner(Deque<Frame> stack, String key) {
        Frame innermost = null;
        for (Frame frame : stack) {
            if (frame.list()) {
                continue;
            }
            innermost = innermost == null ? frame : innermost;
            if (frame.free() ? !knownBelow(stack, frame, key) : SCHEMA.getOrDefault(frame.context(), Map.of())
                    .containsKey(key)) {
                return frame;
            }
        }
        return innermost;
    }

    /** Whether a schema mapping under {@code free} on the stack takes {@code key} (then the free map has ended). */
    private static boolean knownBelow(Deque<Frame> stack, Frame free, String key) {
        boolean below = false;
        for (Frame frame : stack) {
            if (frame == free) {
                below = true;
            } else if (below && !frame.list() && !frame.free()
                    && SCHEMA.getOrDefault(frame.context(), Map.of()).containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /** The key's line as it goes under {@code owner}; a key with no value opens what it is in a Pod. */
    private static String field(Deque<Frame> stack, Frame owner, Matcher key) {
        String name = key.group(1);
        String value = key.group(2);
        if (value == null || value.isEmpty()) {
            String opens = owner.free() ? "free" : SCHEMA.getOrDefault(owner.context(), Map.of()).getOrDefault(name, "free");
            if (opens.startsWith("list:")) {
                stack.push(new Frame(opens.substring(5), owner.indent(), true));
            } else if (opens.startsWith("map:")) {
                stack.push(new Frame(opens.substring(4), owner.indent() + 2, false));
            } else if (opens.equals("free")) {
                stack.push(new Frame("free", owner.indent() + 2, false));
            }
            return name + ":";
        }
        boolean plain = !value.startsWith("'") && !value.startsWith("\"") && !value.startsWith("[")
                && !value.startsWith("{");
        return name + ": " + (plain && value.contains(": ") ? "'" + value.replace("'", "''") + "'" : value);
    }
}
