package dev.incidents.recordings;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.incidents.recordings.DescribeDocuments.emptyToNull;

/**
 * One event printed as its fields, one per line: {@code kubectl describe event} ({@code Involved Object:} and
 * {@code Source:} with their fields indented under them, {@code First Timestamp:  2019-10-03T12:52:12Z}) and the event
 * details of desktop clients such as Lens, copied as text ({@code Event: prometheus-0.15ca241e30b1e6e7}, then
 * {@code Message 0/8 nodes are available: ...}, {@code Namespace lens-metrics}, {@code Involved object Pod
 * prometheus-0}, {@code First seen 1h ago 2019-10-03T12:52:12Z}, {@code Count 2931}, the field's name and its value one
 * space apart). The fields end at a blank line or at a line that is none of an event's. An event needs its reason,
 * its message and the object it is about (the {@code Involved object} or the event's own name,
 * {@code <object>.<hex>}); anything less is left to the other readers.
 */
final class EventFieldsCopy {
    /** The fields an event prints, longest first so that {@code First Timestamp} is not read as {@code First}. */
    private static final List<String> FIELDS = List.of("reporting component", "reporting instance", "involved object",
            "first timestamp", "last timestamp", "creation timestamp", "resource version", "first seen", "last seen",
            "api version", "event time", "annotations", "component", "namespace", "metadata", "message", "created",
            "related", "labels", "reason", "source", "series", "action", "count", "event", "field path", "events",
            "name", "kind", "type", "host", "uid");
    /** A desktop client's relative time: {@code 1h ago}, {@code <1m ago}, {@code 1h 5m ago}. */
    private static final Pattern RELATIVE = Pattern.compile("^<?((?:\\d+[smhd]\\s*)+) ago\\b");
    private static final Pattern EVENT_NAME = Pattern.compile("^([a-z0-9][-a-z0-9.]*)\\.[0-9a-f]{12,}$");
    /** {@code Pod prometheus-0} as Lens prints it, {@code Pod/prometheus-0} as scripts print it. */
    private static final Pattern KIND_AND_NAME = Pattern.compile("^([A-Z][A-Za-z]+)(?:\\s+|\\s*/\\s*)([a-z0-9][-a-z0-9.]*)$");
    private static final int MOST_LINES = 60;

    private EventFieldsCopy() {
    }

    /** The event whose first field is {@code lines[at]}, and the index of the line after it; null when none starts there. */
    static ConsoleEventCopy.Copied at(List<String> lines, int at, long lineNumber) {
        Field first = field(lines.get(at));
        if (first == null || first.indent() > 0 && !first.name().equals("event")) {
            return null;
        }
        Map<String, String> top = new HashMap<>();
        Map<String, String> involved = new HashMap<>();
        Map<String, String> source = new HashMap<>();
        Map<String, String> nested = null; // the block the indented lines belong to
        int baseIndent = first.indent();
        int i = at;
        for (; i < lines.size() && i < at + MOST_LINES; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                break;
            }
            int indent = line.length() - line.stripLeading().length();
            if (indent > baseIndent && nested != null) {
                Field f = field(line);
                if (f != null) {
                    nested.putIfAbsent(f.name(), f.value());
                }
                continue; // a metadata block's own fields (managed fields and the like)
            }
            Field f = field(line);
            if (f == null || indent > baseIndent) {
                break;
            }
            nested = switch (f.name()) {
                case "involved object" -> involved;
                case "source" -> source;
                case "metadata", "labels", "annotations", "series", "related" -> new HashMap<>();
                default -> null;
            };
            if (top.containsKey(f.name()) && !f.name().equals("name")) {
                break; // the next event's fields
            }
            top.putIfAbsent(f.name(), f.value());
        }
        String reason = top.get("reason");
        String message = top.get("message");
        if (reason == null || message == null || !reason.matches("[A-Z][A-Za-z]+") || message.isEmpty()) {
            return null;
        }
        String kind = involved.get("kind");
        String name = involved.get("name");
        Matcher both = KIND_AND_NAME.matcher(top.getOrDefault("involved object", ""));
        if (kind == null && both.matches()) {
            kind = both.group(1);
            name = both.group(2);
        }
        if (name == null) {
            Matcher eventName = EVENT_NAME.matcher(top.getOrDefault("event", top.getOrDefault("name", "")));
            if (!eventName.matches()) {
                return null;
            }
            name = eventName.group(1);
        }
        String namespace = involved.getOrDefault("namespace", top.get("namespace"));
        String from = source.getOrDefault("component", top.get("source"));
        if (from == null || from.isEmpty() || from.equals("<none>")) {
            from = emptyToNull(top.get("reporting component"));
        } else if (source.get("host") != null && !source.get("host").isEmpty()) {
            from = from + ", " + source.get("host");
        }
        String last = time(top.get("last seen"), top.get("last timestamp"), top.get("event time"));
        String firstSeen = time(top.get("first seen"), top.get("first timestamp"), null);
        String type = top.getOrDefault("type", EventsTable.typeOf(reason));
        String count = top.get("count");
        return new ConsoleEventCopy.Copied(new EventsTable.Row(lineNumber, emptyToNull(namespace),
                type.isEmpty() ? EventsTable.typeOf(reason) : type, reason, last == null ? "0s" : last, from,
                (kind == null ? "pod" : kind.toLowerCase(Locale.ROOT)) + "/" + name, message,
                firstSeen, count != null && count.matches("\\d{1,9}") ? count : null), i);
    }

    private record Field(int indent, String name, String value) {
    }

    /** The line as one of an event's fields, null when it is none. */
    private static Field field(String line) {
        String text = line.strip();
        if (text.isEmpty() || !Character.isUpperCase(text.charAt(0))) {
            return null; // a YAML key (message: ...): the object readers' lines, not an event printed for people
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String name : FIELDS) {
            if (lower.startsWith(name) && (lower.length() == name.length()
                    || lower.charAt(name.length()) == ':' || lower.charAt(name.length()) == ' ')) {
                String value = text.substring(name.length()).strip();
                if (value.startsWith(":")) {
                    value = value.substring(1).strip();
                }
                return new Field(line.length() - line.stripLeading().length(), name,
                        "<nil>".equals(value) ? "" : value);
            }
        }
        return null;
    }

    /** An age or an RFC 3339 time from the client's relative and absolute times, or from the API's timestamps. */
    private static String time(String seen, String timestamp, String eventTime) {
        for (String text : new String[] {timestamp, eventTime, seen}) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            Matcher absolute = DescribeEvents.RFC_3339.matcher(text);
            if (absolute.find()) {
                return absolute.group();
            }
            Matcher relative = RELATIVE.matcher(text);
            if (relative.find()) {
                return relative.group(1).replace(" ", "");
            }
        }
        return null;
    }
}
