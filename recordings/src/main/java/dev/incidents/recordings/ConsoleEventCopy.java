package dev.incidents.recordings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event copied from the OpenShift web console's event stream, one field per line: the object's resource badge and
 * name ({@code Pcoinflip-c29nz-981967317}, or {@code PodP[upload-docs-jc79c](https://console...)} with its link), the
 * namespace's ({@code NamespaceNSargo}), the time ({@code a minute ago}, {@code 17 May 2025, 10:09}), {@code Generated
 * from kubelet on node-1}, an optional {@code 9 times in the last 3 minutes}, then the message. The console shows no
 * reason: the message's own words give it, as for a message quoted alone ({@link QuotedEvent}).
 */
final class ConsoleEventCopy {
    /** The console's badge letters before a name, and the kinds they stand for. */
    private static final Map<String, String> BADGES = Map.of("P", "pod", "D", "deployment", "RS", "replicaset",
            "DS", "daemonset", "SS", "statefulset", "J", "job", "N", "node", "PVC", "persistentvolumeclaim");
    private static final String LINK = "(?:\\((?:https?://[^)]*)\\))?";
    private static final Pattern OBJECT = Pattern.compile(
            "^\\s*(?:Pod|Deployment|ReplicaSet|DaemonSet|StatefulSet|Job|Node|PersistentVolumeClaim)?"
            + "(P|D|RS|DS|SS|J|N|PVC)\\[?([a-z0-9][-a-z0-9.]*[a-z0-9])]?" + LINK + "\\s*$");
    private static final Pattern NAMESPACE = Pattern.compile("^\\s*(?:Namespace)?NS\\[?([a-z0-9][-a-z0-9]*)]?" + LINK
            + "\\s*$");
    private static final Pattern SOURCE = Pattern.compile(
            "^\\s*Generated from ([-a-z0-9./]+)(?: on \\[?([-a-z0-9.]+)]?" + LINK + ")?\\s*$");
    private static final Pattern TIMES = Pattern.compile("^\\s*(\\d{1,9}) times in the last (\\d{1,4}) (second|minute|hour|day)s?\\s*$");
    private static final Pattern RELATIVE = Pattern.compile("^\\s*(?:(a|an|\\d{1,4}) (second|minute|hour|day)s? ago|just now)\\s*$");
    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private ConsoleEventCopy() {
    }

    /** One copied event and the index of the line after it. */
    record Copied(EventsTable.Row row, int end) {
    }

    /** The event whose badge line is {@code lines[at]}, or null when the lines there are not one. */
    static Copied at(java.util.List<String> lines, int at, long lineNumber, Instant now) {
        Matcher object = OBJECT.matcher(lines.get(at));
        if (!object.matches()) {
            return null;
        }
        String namespace = null;
        String from = null;
        String age = null;
        String firstSeen = null;
        String count = null;
        int i = at + 1;
        // the fields come in the console's order, blank lines between some of them
        for (; i < lines.size() && i <= at + 8; i++) {
            String line = lines.get(i);
            Matcher m;
            if (line.isBlank()) {
                continue;
            } else if (namespace == null && (m = NAMESPACE.matcher(line)).matches()) {
                namespace = m.group(1);
            } else if (age == null && (age = age(line, now)) != null) {
                continue;
            } else if (from == null && (m = SOURCE.matcher(line)).matches()) {
                from = m.group(2) == null ? m.group(1) : m.group(1) + ", " + m.group(2);
            } else if (count == null && (m = TIMES.matcher(line)).matches()) {
                count = m.group(1);
                firstSeen = seconds(Long.parseLong(m.group(2)), m.group(3)) + "s";
            } else {
                break;
            }
        }
        if (from == null || i >= lines.size()) {
            return null; // the source line is what tells a console copy from a name on a line of its own
        }
        StringBuilder message = new StringBuilder(lines.get(i).strip());
        int end = i + 1;
        while (end < lines.size() && !lines.get(end).isBlank() && !OBJECT.matcher(lines.get(end)).matches()) {
            message.append(' ').append(lines.get(end++).strip());
        }
        EventsTable.Row quoted = QuotedEvent.parse(message.toString(), lineNumber, now);
        if (quoted == null) {
            return null;
        }
        String kind = BADGES.get(object.group(1));
        return new Copied(new EventsTable.Row(lineNumber, namespace, quoted.type(), quoted.reason(),
                age == null ? "0s" : age, from, kind + "/" + object.group(2), quoted.message(), firstSeen, count), end);
    }

    /** The console's time line as an age at {@code now}, null when the line is no time. */
    private static String age(String line, Instant now) {
        Matcher relative = RELATIVE.matcher(line);
        if (relative.matches()) {
            if (relative.group(1) == null) {
                return "0s";
            }
            long n = relative.group(1).startsWith("a") ? 1 : Long.parseLong(relative.group(1));
            return seconds(n, relative.group(2)) + "s";
        }
        try {
            Instant at = LocalDateTime.parse(line.strip(), ABSOLUTE).toInstant(ZoneOffset.UTC);
            return EventAge.secondsSince(at, now);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long seconds(long n, String unit) {
        return switch (unit) {
            case "minute" -> n * 60;
            case "hour" -> n * 3600;
            case "day" -> n * 86400;
            default -> n;
        };
    }
}
