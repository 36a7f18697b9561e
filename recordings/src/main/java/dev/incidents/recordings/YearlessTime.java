package dev.incidents.recordings;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a node's log line was written, which its own prefix gives without a year: the journal's and syslog's
 * {@code May 16 18:34:39 host kubelet[4052]:} (a host and a process after the time) and klog's header {@code I0516
 * 18:34:39.885628    4052 prober.go:107]} (the kubelet's, containerd's CRI plugin's, the scheduler's own log). Read in
 * the year that puts it no later than a day after the reader's {@code now}, and in UTC (a journal prints the node's
 * local time; pastes rarely say which): what matters is the lines' times relative to each other, a probe failing every
 * 5 s, a kill, a restart, instead of one moment for the whole log.
 */
final class YearlessTime {

    private static final Pattern SYSLOG = Pattern.compile(
            "^\\s*(?:<\\d+>)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\s{1,2}(\\d{1,2})"
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
            Month month = Month.valueOf(monthName(m.group(1)));
            return at(now, month.getValue(), m.group(2), m.group(3), m.group(4), m.group(5));
        }
        m = KLOG.matcher(line);
        if (m.find()) {
            return at(now, Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5));
        }
        return null;
    }

    private static String monthName(String abbreviation) {
        for (Month month : Month.values()) {
            if (month.name().startsWith(abbreviation.toUpperCase(Locale.ROOT))) {
                return month.name();
            }
        }
        throw new IllegalArgumentException(abbreviation);
    }

    private static Instant at(Instant now, int month, String day, String hour, String minute, String second) {
        int year = now.atOffset(ZoneOffset.UTC).getYear();
        try {
            Instant at = LocalDateTime.of(year, month, Integer.parseInt(day), Integer.parseInt(hour),
                    Integer.parseInt(minute), Integer.parseInt(second)).toInstant(ZoneOffset.UTC);
            return at.isAfter(now.plus(Duration.ofDays(1)))
                    ? LocalDateTime.of(year - 1, month, Integer.parseInt(day), Integer.parseInt(hour),
                            Integer.parseInt(minute), Integer.parseInt(second)).toInstant(ZoneOffset.UTC)
                    : at;
        } catch (DateTimeException e) {
            return null; // a 30 February, a 25th hour: no time after all
        }
    }
}
