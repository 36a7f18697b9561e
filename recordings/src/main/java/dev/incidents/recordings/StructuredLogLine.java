package dev.incidents.recordings;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A component's structured (JSON) log line pasted among other text: controllers, operators and provisioners log so
 * (zap, logr, logrus). What it says is in its message field ({@code msg}, {@code message}), which is read like any
 * other line ({@link QuotedEvent}), at the line's {@code time}, in the namespace the line names ({@code namespace},
 * {@code ns}). Karpenter's provisioner logs its verdict on a pod it
 * cannot place as {@code "message":"could not schedule pod", "Pod":{"name":..,"namespace":..}, "error":"incompatible
 * with nodepool ..."}, the words it records as the pod's {@code FailedScheduling} event ({@code Failed to schedule
 * pod, incompatible with nodepool ...}), so it becomes that event.
 * <p>
 * Pasted lines are often cut inside a value, so the fields are read leniently: a string value cut by the end of the
 * line ends there, and a line that is no JSON at all yields nothing.
 */
final class StructuredLogLine {
    /** {@code "key":"value"} at any depth; the value runs to the end of the line when its closing quote was cut. */
    private static final Pattern STRING_FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)(\"|$)");
    /** Karpenter's {@code "Pod":{"name":"x","namespace":"y"}} (either order). */
    private static final Pattern POD_OBJECT = Pattern.compile("\"[Pp]od\"\\s*:\\s*\\{([^}]*)}");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    private StructuredLogLine() {
    }

    /** The row the line's message quotes, or null. */
    static EventsTable.Row parse(String line, long lineNumber, Instant now) {
        Map<String, String> fields = fields(line);
        String message = fields.getOrDefault("msg", fields.get("message"));
        if (message == null || message.isBlank()) {
            return null;
        }
        String time = fields.getOrDefault("time", fields.getOrDefault("ts", fields.get("timestamp")));
        String at = time == null ? "" : time + " ";
        Matcher pod = POD_OBJECT.matcher(line);
        if (message.equalsIgnoreCase("could not schedule pod") && fields.containsKey("error") && pod.find()) {
            Map<String, String> names = fields(pod.group(1));
            String name = names.get("name");
            if (name == null || name.isEmpty()) {
                return null;
            }
            String namespace = names.get("namespace");
            return new EventsTable.Row(lineNumber, namespace == null || namespace.isEmpty() ? null : namespace,
                    "Warning", "FailedScheduling", QuotedEvent.age(at, now), "karpenter", "pod/" + name,
                    "Failed to schedule pod, " + fields.get("error"), null, null);
        }
        if (message.strip().startsWith("{")) {
            return null; // a log line nested in a log line: nothing a person reads
        }
        EventsTable.Row quoted = QuotedEvent.parse(at + message, lineNumber, now);
        String namespace = fields.getOrDefault("namespace", fields.get("ns"));
        if (quoted == null || quoted.namespace() != null || namespace == null || namespace.isBlank()) {
            return quoted;
        }
        // the namespace the component was working in ({@code "ns":"team-a"}) is where its words belong
        return new EventsTable.Row(quoted.line(), namespace, quoted.type(), quoted.reason(), quoted.age(),
                quoted.from(), quoted.object(), quoted.message(), quoted.firstSeen(), quoted.count());
    }

    /** The string fields of the line (the first of each name), unescaped. */
    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new HashMap<>();
        Matcher field = STRING_FIELD.matcher(text);
        while (field.find()) {
            fields.putIfAbsent(field.group(1), unescape(field.group(2)));
        }
        return fields;
    }

    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        Matcher unicode = UNICODE_ESCAPE.matcher(value);
        StringBuilder decoded = new StringBuilder();
        while (unicode.find()) {
            unicode.appendReplacement(decoded, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(unicode.group(1), 16))));
        }
        unicode.appendTail(decoded);
        return decoded.toString().replace("\\\"", "\"").replace("\\n", "\n").replace("\\t", "\t")
                .replace("\\\\", "\\");
    }
}
