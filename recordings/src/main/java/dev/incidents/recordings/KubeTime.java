package dev.incidents.recordings;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Kubernetes timestamps: {@code Time} is RFC 3339 to the second ({@code 2025-03-14T10:00:00Z}), {@code MicroTime}
 * carries microseconds ({@code 2025-03-14T10:00:00.123456Z}); hand-edited logs add offsets or lower-case
 * {@code t}/{@code z}. Records hold millisecond instants because the Avro logical type is timestamp-millis: an
 * instant truncated here equals itself after a round trip through Kafka.
 */
public final class KubeTime {
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private KubeTime() {
    }

    /** Parses RFC 3339 with or without fractions or offset; throws {@link MalformedObjectException} otherwise. */
    public static Instant parse(String text, String field) {
        Instant fast = parseUtc(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text.trim().toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new MalformedObjectException("bad timestamp in " + field + ": '" + abbreviate(text) + "'");
        }
    }

    /**
     * The forms the API server writes, {@code 2025-03-14T10:00:00Z} and {@code 2025-03-14T10:00:00.123456Z}, without
     * {@link DateTimeFormatter} (a third of the time of reading a recording went there); null for anything else,
     * valid or not, which the formatter then decides. Accepts exactly what the formatter accepts for these forms.
     */
    static Instant parseUtc(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > daysIn(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21; // between '.' and 'Z'
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            int value = digits(text, 20, fraction);
            if (value < 0) {
                return null;
            }
            nanos = value * POWERS[9 - fraction];
        }
        long epochDay = epochDay(year, month, day);
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos / 1_000_000 * 1_000_000);
    }

    /**
     * {@code LocalDate.of(year, month, day).toEpochDay()} for a date already checked, without building the date (it
     * validated the fields again and was a tenth of reading a timestamp): days before the year's March 1st counted
     * from a year starting in March, so February's length only matters through the leap days of the years before.
     */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1 when one of them is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int daysIn(int year, int month) {
        return month == 2 ? (Year.isLeap(year) ? 29 : 28) : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
