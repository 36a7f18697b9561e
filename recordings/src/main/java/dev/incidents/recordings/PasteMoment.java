package dev.incidents.recordings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The moment a pasted text was printed at, which its relative ages ({@code 3m9s} ago, a pod's {@code AGE}) count back
 * from. It is the reader's {@code now} (a file's modification time, or {@code replay --now}) unless the paste's own
 * absolute times say otherwise: a paste whose newest RFC 3339 timestamp (an event's {@code lastTimestamp} column, a
 * log line's time, or a node log's prefix without a year, {@link YearlessTime}) is later than {@code now}, or more
 * than {@link #SAVED_LATER} earlier (a paste kept or replayed long after it was printed), was printed at that
 * timestamp. Anchoring its ages elsewhere would split one paste's timeline in two, months apart, with a pod pending for
 * all the time between.
 */
final class PasteMoment {
    /** Longer than a paste waits between its printing and its saving, shorter than a post-mortem comes later. */
    static final Duration SAVED_LATER = Duration.ofDays(1);

    private PasteMoment() {
    }

    /** The moment {@code lines} were printed at, given the reader's {@code now}. */
    static Instant of(List<String> lines, Instant now) {
        Instant newest = null;
        for (String line : lines) {
            Matcher m = QuotedEvent.TIMESTAMP.matcher(line);
            boolean dated = false;
            while (m.find()) {
                Instant at = QuotedEvent.timestamp(m);
                dated |= at != null;
                if (at != null && (newest == null || at.isAfter(newest))) {
                    newest = at;
                }
            }
            Instant logged = null;
            if (!dated) {
                // a line holding only a date and time (an app's event list), or a node log's yearless prefix
                logged = QuotedEvent.dateLine(line);
                logged = logged != null ? logged : YearlessTime.of(line, now);
            }
            if (logged != null && (newest == null || logged.isAfter(newest))) {
                newest = logged;
            }
        }
        if (newest == null || !newest.isAfter(now) && !newest.isBefore(now.minus(SAVED_LATER))) {
            return now;
        }
        return newest;
    }
}
