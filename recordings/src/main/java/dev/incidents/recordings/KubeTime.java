package dev.incidents.recordings;

import java.time.Instant;
import java.time.OffsetDateTime;
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
    private KubeTime() {
    }

    /** Parses RFC 3339 with or without fractions or offset; throws {@link MalformedObjectException} otherwise. */
    public static Instant parse(String text, String field) {
        try {
            return OffsetDateTime.parse(text.trim().toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new MalformedObjectException("bad timestamp in " + field + ": '" + abbreviate(text) + "'");
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
