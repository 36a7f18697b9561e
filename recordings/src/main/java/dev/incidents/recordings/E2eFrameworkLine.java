package dev.incidents.recordings;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes e2e framework's prints in a test's log: its dump of a namespace's events, its pod and event watcher,
 * its wait for ready nodes; each the event of the object it names (part of {@link LoggedEvent}'s shapes).
 */
final class E2eFrameworkLine {
    /**
     * The Kubernetes e2e framework's dump of a namespace's events into a test log ({@code INFO: At 2023-11-30 23:10:47
     * +0000 UTC - event for pvc-tester-4khdp: {kubelet ip-172-31-25-49} FailedMount: MountVolume.SetUp failed ...}):
     * time, object name, {@code {component host}}, reason, message. Before 1.3 it printed no time of its own
     * ({@code Jan 21 06:55:28.262: INFO: event for liveness-http: {kubelet minion-muge} Unhealthy: ...}): the log line's.
     */
    private static final Pattern E2E_EVENT = Pattern.compile("(?:\\bAt (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)? "
            + "[+-]\\d{4})(?: [A-Z]{2,5})? - |\\bINFO: )event for ([a-z0-9][-a-z0-9.]*): \\{([^}]*)} (\\w+): (.*)$");
    private static final java.time.format.DateTimeFormatter E2E_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS] xx");
    /**
     * The e2e framework's pod and event watcher ({@code test/e2e/storage/podlogs}, storage and CSI drivers' suites):
     * {@code 01:40:50.218 event: v1/Pod injector: kubelet Warning: Error: ImagePullBackOff (2022-03-18 01:38:30 +0000
     * UTC - 2022-03-18 01:40:50 +0000 UTC)}: the object's apiVersion, kind and name, the source's component, the type
     * and the message, then the first and last time; no namespace, no reason (read from the message) and no count.
     */
    private static final Pattern WATCHED_EVENT = Pattern.compile("\\bevent: (?:[a-z0-9.-]+/)?v\\d\\w*/([A-Z]\\w*) "
            + "([a-z0-9][-a-z0-9.]*): (\\S*) (Normal|Warning): (.*?)(?: \\((\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d "
            + "[+-]\\d{4})(?: [A-Z]{2,5})? - (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4})(?: [A-Z]{2,5})?\\))?\\s*$");
    /**
     * The e2e framework's wait for ready nodes ({@code INFO: Condition Ready of node e2e-minion-11ke is false instead of
     * true. Reason: KubeletNotReady, message: container runtime is down}): the node's Ready condition as it found it.
     */
    private static final Pattern E2E_NODE_CONDITION = Pattern.compile("\\bCondition Ready of node ([a-z0-9][-a-z0-9.]*) "
            + "is (false|unknown) instead of true\\. Reason: (\\w*), message: (.*)$", Pattern.CASE_INSENSITIVE);

    private E2eFrameworkLine() {
    }

    /** The event {@code line} prints; null when it is none of these shapes, or says no reason it knows. */
    static EventsTable.Row parse(String line, long lineNumber, Instant now) {
        Matcher dumped = E2E_EVENT.matcher(line);
        if (dumped.find()) {
            return dumped(dumped, line, lineNumber, now);
        }
        Matcher watched = WATCHED_EVENT.matcher(line);
        if (watched.find()) {
            return watched(watched, lineNumber, now);
        }
        Matcher nodeCondition = E2E_NODE_CONDITION.matcher(line);
        if (nodeCondition.find()) {
            String node = nodeCondition.group(1);
            return new EventsTable.Row(lineNumber, null, "Normal", "NodeNotReady", e2eLineAge(line, now), null,
                    "node/" + node, DescribeNode.statusMessage(node, "NodeNotReady", "Ready", "False",
                            nodeCondition.group(3), nodeCondition.group(4).strip()), null, null);
        }
        return null;
    }

    /**
     * The age of an e2e framework's log line by its own yearless prefix ({@code Apr 22 04:20:45.730: INFO: }); {@code
     * 0s} without one. Only for what the framework prints without a time of its own: an event's absolute time, when
     * it has one, is the event's.
     */
    private static String e2eLineAge(String line, Instant now) {
        Matcher prefix = E2E_LOG_PREFIX.matcher(line);
        Instant at = prefix.lookingAt() ? YearlessTime.ofMonthDay(prefix.group(1), now) : null;
        return at == null ? "0s" : EventAge.secondsSince(at, now);
    }

    private static final Pattern E2E_LOG_PREFIX = Pattern.compile(
            "^\\s*(?:`{1,3})?([A-Z][a-z]{2} +\\d{1,2} \\d\\d:\\d\\d:\\d\\d)(?:\\.\\d+)?: [A-Z]+: ");
    /** An event the e2e framework dumped; the kubelet's and the scheduler's are about a pod. */
    private static EventsTable.Row dumped(Matcher e2e, String line, long lineNumber, Instant now) {
        String[] source = e2e.group(3).trim().split("\\s+", 2);
        String component = source[0];
        String from = source.length > 1 ? component + ", " + source[1] : component;
        boolean podEvent = component.equals("kubelet") || component.endsWith("scheduler");
        Instant at = e2e.group(1) == null ? null : e2eTime(e2e.group(1));
        // an event the framework found without a time: the log line's own, when it has one
        String age = at != null ? EventAge.secondsSince(at, now) : e2eLineAge(line, now);
        String reason = e2e.group(4);
        return new EventsTable.Row(lineNumber, null, EventsTable.typeOf(reason), reason, age, from,
                podEvent ? "pod/" + e2e.group(2) : null, e2e.group(5).strip(), null, null);
    }

    /** The event the e2e framework's watcher printed ({@link #WATCHED_EVENT}); null when its message says no reason. */
    private static EventsTable.Row watched(Matcher m, long lineNumber, Instant now) {
        EventsTable.Row read = QuotedEvent.parse(m.group(5), lineNumber, now);
        if (read == null) {
            return null;
        }
        Instant last = m.group(7) == null ? null : e2eTime(m.group(7));
        Instant first = m.group(6) == null ? null : e2eTime(m.group(6));
        String age = last == null ? "0s" : EventAge.secondsSince(last, now);
        String firstSeen = first == null ? null : EventAge.secondsSince(first, now);
        String from = m.group(3).isEmpty() ? read.from() : m.group(3);
        return new EventsTable.Row(lineNumber, null, m.group(4), read.reason(), age, from,
                m.group(1).toLowerCase(java.util.Locale.ROOT) + "/" + m.group(2), read.message(), firstSeen, null);
    }

    /**
     * A time as the e2e framework prints it ({@code 2022-03-18 01:38:30 +0000}); null when it is none, or Go's zero
     * time ({@code 0001-01-01 00:00:00 +0000}) that an event without its first or last timestamp prints.
     */
    private static Instant e2eTime(String text) {
        try {
            Instant at = java.time.OffsetDateTime.parse(text, E2E_TIME).toInstant();
            return at.isBefore(Instant.EPOCH) ? null : at;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

}
