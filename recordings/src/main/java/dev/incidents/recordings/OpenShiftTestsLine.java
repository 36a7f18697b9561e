package dev.incidents.recordings;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenShift e2e suite's ({@code openshift-tests}) prints of events in a CI job's log: its event monitor's lines and
 * its later interval locators, each the event of the object it names (part of {@link LoggedEvent}'s shapes).
 */
final class OpenShiftTestsLine {
    /**
     * The OpenShift e2e suite's event monitor ({@code openshift-tests}): {@code Nov 29 10:29:19.104 W
     * ns/openshift-service-catalog-apiserver daemonset/apiserver Error creating: pods "apiserver-" is forbidden: ...
     * (4 times)}: an event of the object it names, at the line's time (the year is the paste's), its type as a letter,
     * its count after; newer monitors print the reason ({@code reason/FailedCreate}) before the message, older ones
     * leave it to be read from the message.
     */
    private static final Pattern MONITOR_EVENT = Pattern.compile("^\\s*([A-Z][a-z]{2} +\\d{1,2} \\d\\d:\\d\\d:\\d\\d)"
            + "(?:\\.\\d+)? ([IWE]) ns/([a-z0-9][-a-z0-9]*) ([a-z]+)/([a-z0-9][-a-z0-9.]*)(?: node/\\S+)?"
            + "(?: reason/(\\w+))? (.+?)(?: \\((\\d+) times\\))?\\s*$");
    /**
     * The OpenShift e2e suite's later interval locators ({@code openshift-tests}, 4.x): {@code ns/x pod/y node/z - reason/
     * BackOff Back-off pulling image "..."}, its duplicated-events test's {@code event happened 45 times, something is
     * wrong: } before one, and a container's wait as an interval ({@code ns/x pod/y node/z container/c - reason/
     * ContainerWait cause/ErrImagePull duration/671.53s rpc error: ...}: the waiting reason is the cause). The
     * locator's keys after the object (node, container, uid) in any order, the {@code - } before the reason optional.
     */
    private static final Pattern INTERVAL_EVENT = Pattern.compile("(?:^|\\s)(?:event happened (\\d+) times, something is "
            + "wrong: )?ns/([a-z0-9][-a-z0-9]*) ([a-z]+)/([a-z0-9][-a-z0-9.]*)((?: [a-z]+/\\S+)*?) (?:- )?reason/(\\w+) "
            + "(?:cause/(\\w*) )?(?:duration/\\S+ )?(.+?)\\s*$");
    private static final Pattern LOCATOR_NODE = Pattern.compile(" node/(\\S+)");

    private OpenShiftTestsLine() {
    }

    /** The event {@code line} prints; null when it is none of these shapes, or says no reason it knows. */
    static EventsTable.Row parse(String line, long lineNumber, Instant now) {
        Matcher monitored = MONITOR_EVENT.matcher(line);
        if (monitored.find()) {
            return monitored(monitored, lineNumber, now);
        }
        Matcher interval = INTERVAL_EVENT.matcher(line);
        return interval.find() ? interval(interval, line, lineNumber, now) : null;
    }

    /** The event a monitor line prints ({@link #MONITOR_EVENT}); null when its message says no reason it knows. */
    private static EventsTable.Row monitored(Matcher m, long lineNumber, Instant now) {
        String message = m.group(7);
        String reason = m.group(6);
        String from = null;
        if (reason == null) {
            EventsTable.Row read = QuotedEvent.parse(message, lineNumber, now);
            if (read == null) {
                return null;
            }
            reason = read.reason();
            from = read.from();
            message = read.message();
        }
        String age = yearlessAge(m.group(1), now);
        return new EventsTable.Row(lineNumber, m.group(3), "I".equals(m.group(2)) ? "Normal" : "Warning", reason, age,
                from, m.group(4) + "/" + m.group(5), message, null, m.group(8));
    }

    /**
     * The event an interval locator prints ({@link #INTERVAL_EVENT}); a container's wait is the event its cause stands
     * for (a pull or crash-loop back-off is the kubelet's {@code BackOff}, any other cause its own reason).
     */
    private static EventsTable.Row interval(Matcher m, String line, long lineNumber, Instant now) {
        String reason = m.group(6);
        String cause = m.group(7);
        if (cause != null && !cause.isEmpty()) {
            reason = cause.endsWith("BackOff") ? "BackOff" : cause;
        }
        Matcher node = LOCATOR_NODE.matcher(m.group(5));
        String from = node.find() ? "kubelet, " + node.group(1) : null;
        Matcher time = MONITOR_TIME_PREFIX.matcher(line);
        String age = time.lookingAt() ? yearlessAge(time.group(1), now) : QuotedEvent.age(line, now);
        return new EventsTable.Row(lineNumber, m.group(2), EventsTable.typeOf(reason), reason, age, from,
                m.group(3) + "/" + m.group(4), m.group(8), null, m.group(1));
    }

    private static final Pattern MONITOR_TIME_PREFIX = Pattern.compile("^\\s*([A-Z][a-z]{2} +\\d{1,2} \\d\\d:\\d\\d:\\d\\d)");

    /** The age at {@code now} of the monitor's yearless time ({@code Nov 29 10:29:19}); {@code 0s} when it is none. */
    private static String yearlessAge(String time, Instant now) {
        Instant at = YearlessTime.ofMonthDay(time, now);
        return at == null ? "0s" : EventAge.secondsSince(at, now);
    }

}
