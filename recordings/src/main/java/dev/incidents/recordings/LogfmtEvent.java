package dev.incidents.recordings;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event printed as logfmt {@code key=value} pairs, as event exporters and documentation print them ({@code
 * time=2023-06-12T19:18:15Z type=Warning reason=FailedCreatePodSandBox from=kubelet message=Failed to create pod
 * sandbox: ...}, Karpenter's troubleshooting page): a line with a {@code reason} and a {@code message} key. Values are
 * bare or double-quoted; an unquoted {@code message} runs to the end of the line, as printers put it last. The object,
 * when a key names it ({@code object=pod/x}, {@code involvedObject=...}, {@code pod=x}; klog's {@code object="ns/x"} with
 * its {@code kind} key), and the namespace are read too.
 */
final class LogfmtEvent {
    private static final Pattern REASON = Pattern.compile("(?:^|\\s)reason=\"?([A-Z][A-Za-z]+)\"?(?=\\s|$)");
    private static final Pattern MESSAGE = Pattern.compile("(?:^|\\s)(?:message|msg)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(.+))$");
    private static final Pattern PAIR = Pattern.compile("(?:^|\\s)([A-Za-z][\\w.]*)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S*))");
    /** {@code pod/x}, {@code Pod/x}, {@code ns/x} (a pod's namespace and name, as klog's object key has it), {@code x}. */
    private static final Pattern OBJECT = Pattern.compile("^(?:([A-Za-z][-a-z0-9]*)/)?([a-z0-9][-a-z0-9.]*)$");
    private static final Set<String> KINDS = Set.of("pod", "pods", "po", "node", "nodes",
            "deployment", "replicaset", "statefulset", "daemonset", "job", "cronjob", "persistentvolumeclaim", "pvc",
            "replicationcontroller");

    private LogfmtEvent() {
    }

    /** The event {@code line} prints, at its {@code time} key (else the paste's moment); null when it prints none. */
    static EventsTable.Row parse(String line, long lineNumber, Instant now) {
        Matcher reason = REASON.matcher(line);
        Matcher message = MESSAGE.matcher(line);
        if (!reason.find() || !message.find() || message.start() < reason.start() && message.group(1) == null) {
            return null;
        }
        // the other keys, before the message, which (quoted or not) runs to the end of the line
        Map<String, String> keys = new HashMap<>();
        Matcher pair = PAIR.matcher(line.substring(0, message.start()));
        while (pair.find()) {
            keys.putIfAbsent(pair.group(1).toLowerCase(Locale.ROOT), pair.group(2) != null ? pair.group(2) : pair.group(3));
        }
        String text = message.group(1) != null ? message.group(1).replace("\\\"", "\"") : message.group(2).strip();
        String type = "Normal".equalsIgnoreCase(keys.get("type")) ? "Normal" : "Warning";
        String from = first(keys, "from", "source", "component", "reportingcomponent");
        String object = null;
        String namespace = first(keys, "namespace", "ns");
        String named = first(keys, "object", "involvedobject", "pod");
        Matcher o = named == null ? null : OBJECT.matcher(named);
        if (o != null && o.matches()) {
            String prefix = o.group(1);
            // klog's event recorder ("Event occurred" object="ns/x" kind="ReplicationController") names the kind apart
            String kind = keys.getOrDefault("kind", "pod").toLowerCase(Locale.ROOT);
            kind = KINDS.contains(kind) ? kind : "pod";
            if (prefix == null || KINDS.contains(prefix.toLowerCase(Locale.ROOT))) {
                object = (prefix == null ? kind : prefix.toLowerCase(Locale.ROOT)) + "/" + o.group(2);
            } else {
                namespace = namespace == null ? prefix : namespace;
                object = kind + "/" + o.group(2);
            }
        }
        String time = first(keys, "time", "ts", "lastseen", "lasttimestamp", "timestamp");
        return new EventsTable.Row(lineNumber, namespace, type, reason.group(1),
                time == null ? "0s" : QuotedEvent.age(time, now), from, object, text, null, null);
    }

    private static String first(Map<String, String> keys, String... names) {
        for (String name : names) {
            String value = keys.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
