package dev.incidents.schemas;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The {@code incidents.event-time} header: when what a record says happened, as epoch milliseconds in decimal
 * ASCII (e.g. {@code 1741946400000} for 2025-03-14T10:00:00Z), readable with {@code kcat -f '%h'}.
 *
 * <p>The shipper puts it on every record it produces, tombstones included, and leaves the record timestamp to
 * Kafka (the time of producing, or of arrival on the input topics): retention then counts from when a record was
 * shipped, not from when it happened. The payload carries the event time too; a tombstone has no payload, so
 * without this header a deleted pod of a year-old recording would be analyzed as deleted now.
 */
public final class EventTimeHeader {
    public static final String NAME = "incidents.event-time";

    private EventTimeHeader() {
    }

    public static Header of(Instant eventTime) {
        return new RecordHeader(NAME, encode(eventTime));
    }

    public static byte[] encode(Instant eventTime) {
        return Long.toString(eventTime.toEpochMilli()).getBytes(StandardCharsets.US_ASCII);
    }

    /** The event time of {@code value}, or empty when it is not an optional minus and 1 to 19 digits that fit a long. */
    public static Optional<Instant> decode(byte[] value) {
        if (value == null || value.length == 0 || value.length > 20) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length; i++) {
            boolean digit = value[i] >= '0' && value[i] <= '9';
            if (!digit && !(i == 0 && value[i] == '-' && value.length > 1)) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(new String(value, StandardCharsets.US_ASCII))));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** The event time in {@code headers} (the last header of the name wins, as Kafka's {@code lastHeader}). */
    public static Optional<Instant> read(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(NAME);
        return header == null ? Optional.empty() : decode(header.value());
    }
}
