package dev.incidents.recordings;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An event exported as a CSV row by a log analytics tool (Azure Monitor's Log Analytics, a Kibana or Splunk CSV
 * report): {@code "3/22/2023, 6:18:35.926 AM",PodUnhealthy,595,"Readiness probe failed: stat: ..."}. Its cells are
 * the event's time, the tool's name for its reason, its count and its message, in the order the user's query chose.
 * The message says which event it is, as when quoted alone ({@link QuotedEvent}); the row gives it its time and count.
 * Times without a zone are UTC, as the tools export them ({@code TimeGenerated [UTC]}).
 */
final class CsvEventRow {
    private static final ObjectReader CELLS = new CsvMapper().readerFor(String[].class);
    /** A row's start: a quoted cell, or a date (ISO or US) as its first cell. */
    private static final Pattern ROW_START = Pattern.compile("^(?:\"|\\d{4}-\\d\\d-\\d\\d[T ]|\\d{1,2}/\\d{1,2}/\\d{4}[, ])");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    /** Date-times as the tools print them without a zone: ISO with a space, and the US portal's. */
    private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(
            new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd[' ']['T']HH:mm:ss")
                    .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
                    .toFormatter(Locale.ROOT),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("M/d/yyyy[,] h:mm:ss")
                    .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
                    .appendPattern(" a").toFormatter(Locale.US));

    private CsvEventRow() {
    }

    /** The event {@code line} is the row of; null when it is no CSV row with a time and an event's message. */
    static EventsTable.Row parse(String line, long lineNumber, Instant now) {
        String trimmed = line.strip();
        if (trimmed.indexOf(',') < 0 || !ROW_START.matcher(trimmed).find()) {
            return null;
        }
        String[] cells;
        try {
            cells = CELLS.readValue(trimmed);
        } catch (IOException e) {
            return null;
        }
        if (cells.length < 3) {
            return null;
        }
        Instant time = null;
        String count = null;
        EventsTable.Row event = null;
        for (String cell : cells) {
            String value = cell.strip();
            Instant at = time == null ? time(value) : null;
            if (at != null) {
                time = at;
            } else if (count == null && COUNT.matcher(value).matches()) {
                count = value;
            } else if (event == null && value.length() > 12) {
                event = QuotedEvent.parse(value, lineNumber, now);
            }
        }
        if (time == null || event == null) {
            return null;
        }
        String age = EventAge.secondsSince(time, now);
        return new EventsTable.Row(lineNumber, event.namespace(), event.type(), event.reason(), age, event.from(),
                event.object(), event.message(), null, count);
    }

    /** The time a cell holds, null when it holds none. */
    private static Instant time(String cell) {
        if (cell.length() < 10 || !Character.isDigit(cell.charAt(0))) {
            return null;
        }
        try {
            return OffsetDateTime.parse(cell).toInstant();
        } catch (DateTimeParseException e) {
            // no zone: UTC, as the tools export
        }
        for (DateTimeFormatter format : LOCAL_TIMES) {
            try {
                return LocalDateTime.parse(cell, format).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // the next shape
            }
        }
        return null;
    }
}
