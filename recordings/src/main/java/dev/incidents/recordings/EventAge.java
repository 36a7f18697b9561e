package dev.incidents.recordings;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Age / LAST SEEN column of {@code kubectl describe} and {@code kubectl get events}: {@code 61s}, {@code 3m9s},
 * {@code 5h20m}, {@code 2d3h}, {@code 50s (x2 over 2m59s)} (a repeated event: last seen 50 s ago, twice, the first
 * time 2 m 59 s ago), {@code <unknown>} (no timestamps, e.g. events.k8s.io events read by an older kubectl),
 * {@code <invalid>} (a time ahead of kubectl's clock), also inside {@code (x116 over <invalid>)}.
 * kubectl rounds ages (apimachinery {@code duration.HumanDuration}), so times derived from them are approximate.
 *
 * @param lastSeen  how long ago the event last happened; null when unknown
 * @param count     how many times; 1 without {@code (xN over ...)}
 * @param firstSeen how long ago it first happened; equals lastSeen for a single event, null when unknown
 */
public record EventAge(Duration lastSeen, int count, Duration firstSeen) {
    /** An age the reporter cut out of the row ({@code ...}, {@code …}): unknown, as kubectl's {@code <unknown>}. */
    static final String ELIDED = "(?:\\.{3}|…)";
    /** One age: units y (365 d), d, h, m, s, each at most once, in that order. */
    static final String AGE = "(?:\\d{1,9}y)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?";
    /** The whole column, never empty: an age, optionally followed by {@code (xN over AGE)}. */
    /** A repeated event's {@code (x2 over 2m59s)}. */
    static final String REPEAT = "\\(x\\d{1,9} over (?:<unknown>|<invalid>|" + ELIDED + "|(?=\\d)" + AGE + ")\\)";
    static final String COLUMN = "(?:(?:<unknown>|<invalid>|" + ELIDED + "|(?=\\d)" + AGE + ")(?:\\s+" + REPEAT + ")?)";
    private static final Pattern FULL = Pattern.compile("^(<unknown>|<invalid>|" + ELIDED + "|" + AGE + ")(?:\\s+\\(x(\\d{1,9}) "
            + "over (<unknown>|<invalid>|" + ELIDED + "|" + AGE + ")\\))?$");
    private static final Pattern PART = Pattern.compile("(\\d{1,9})([ydhms])");

    /** An age as the readers' rows carry it ({@code 42s}): the whole seconds from {@code at} to {@code now}, never negative. */
    static String secondsSince(Instant at, Instant now) {
        return Math.max(0, Duration.between(at, now).getSeconds()) + "s";
    }

    public static Optional<EventAge> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FULL.matcher(text.trim());
        if (!m.matches() || m.group(1).isEmpty()) {
            return Optional.empty();
        }
        Duration last = duration(m.group(1));
        int count = m.group(2) == null ? 1 : Math.max(1, Integer.parseInt(m.group(2)));
        Duration first = m.group(3) == null ? last : duration(m.group(3));
        if (m.group(3) != null && first == null) {
            return Optional.empty();
        }
        return Optional.of(new EventAge(last, count, first));
    }

    /**
     * {@code 3m9s} to a duration; null for {@code <unknown>} or an empty string. kubectl prints {@code <invalid>} for
     * a negative age: a time ahead of the client's clock (clock skew between the cluster and the machine running
     * kubectl, as seen in pastes from clusters whose nodes drifted), so it is read as "just now".
     */
    static Duration duration(String age) {
        if ("<invalid>".equals(age)) {
            return Duration.ZERO;
        }
        if (age.isEmpty() || age.startsWith("<") || age.startsWith(".") || age.startsWith("…")) {
            return null;
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(age);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "y" -> Duration.ofDays(365 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
        }
        return total;
    }
}
