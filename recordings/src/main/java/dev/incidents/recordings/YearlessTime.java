package dev.incidents.recordings;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a node's log line was written, which its own prefix gives without a year: the journal's and syslog's
 * {@code May 16 18:34:39 host kubelet[4052]:} (a host and a process after the time; under a Chinese, Japanese or
 * Korean locale the month is its number, {@code 11月 26 16:37:46}, {@code 11월 26 ...}) and klog's header {@code I0516
 * 18:34:39.885628    4052 prober.go:107]} (the kubelet's, containerd's CRI plugin's, the scheduler's own log). Read in
 * the year that puts it no later than a day after the reader's {@code now}, and in UTC (a journal prints the node's
 * local time; pastes rarely say which): what matters is the lines' times relative to each other, a probe failing every
 * 5 s, a kill, a restart, instead of one moment for the whole log.
 */
final class YearlessTime {

    private static final Pattern SYSLOG = Pattern.compile(
            "^\\s*(?:<\\d+>)?(?:(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|(\\d{1,2}) ?[月월])\\s{1,2}(\\d{1,2})"
            + " (\\d\\d):(\\d\\d):(\\d\\d)"
            + " [\\w.-]+ [\\w./-]+(?:\\[\\d+])?: ");
    private static final Pattern KLOG = Pattern.compile(
            "(?:^|\\s)[IWEF](\\d\\d)(\\d\\d) (\\d\\d):(\\d\\d):(\\d\\d)(?:\\.\\d+)?\\s+\\d+ [\\w.-]+:\\d+\\]");

    private YearlessTime() {
    }

    /** When {@code line} was logged, by its prefix; null when it has none. */
    static Instant of(String line, Instant now) {
        Matcher m = SYSLOG.matcher(line);
        if (m.find()) {
            int month = m.group(1) != null ? MONTHS.indexOf(m.group(1)) / 3 + 1 : Integer.parseInt(m.group(2));
            return at(now, month, m.group(3), m.group(4), m.group(5), m.group(6));
        }
        m = KLOG.matcher(line);
        if (m.find()) {
            return at(now, Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5));
        }
        return null;
    }

    /**
     * A test log's yearless time as its own prefix prints it ({@code Nov 29 10:29:19}: openshift-tests' monitor, the e2e
     * framework's {@code Apr 22 04:20:45.730: INFO:}), in the same year as a node log's; null when it is none.
     */
    static Instant ofMonthDay(String time, Instant now) {
        Matcher m = MONTH_DAY.matcher(time);
        return m.matches() ? at(now, MONTHS.indexOf(m.group(1)) / 3 + 1, m.group(2), m.group(3), m.group(4), m.group(5))
                : null;
    }

    private static final Pattern MONTH_DAY = Pattern.compile(
            "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\\d{1,2}) (\\d\\d):(\\d\\d):(\\d\\d)");

    /** The abbreviations {@link #SYSLOG} takes, three letters each in the year's order. */
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private static Instant at(Instant now, int month, String day, String hour, String minute, String second) {
        int year = now.atOffset(ZoneOffset.UTC).getYear();
        int d = Integer.parseInt(day);
        int h = Integer.parseInt(hour);
        int min = Integer.parseInt(minute);
        int sec = Integer.parseInt(second);
        try {
            LocalDateTime time = LocalDateTime.of(year, month, d, h, min, sec);
            if (time.toInstant(ZoneOffset.UTC).isAfter(now.plus(Duration.ofDays(1)))) {
                time = LocalDateTime.of(year - 1, month, d, h, min, sec);
            }
            return time.toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // a 30 February, a 25th hour: no time after all
        }
    }
}
