package dev.incidents.recordings;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast path of {@link KubeTime#parse} answers exactly what {@link DateTimeFormatter} answers, or leaves it to it. */
class KubeTimeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-03-14T10:00:00Z              | 2025-03-14T10:00:00Z",
            "2025-03-14T10:00:00.123456Z       | 2025-03-14T10:00:00.123Z",
            "2025-03-14T10:00:00.9Z            | 2025-03-14T10:00:00.900Z",
            "2025-03-14T10:00:00.123456789Z    | 2025-03-14T10:00:00.123Z",
            "2024-02-29T23:59:59.9999Z         | 2024-02-29T23:59:59.999Z",
            "1969-12-31T23:59:59.5Z            | 1969-12-31T23:59:59.500Z",
            "2025-03-14t10:00:00z              | 2025-03-14T10:00:00Z",
            "2025-03-14T10:00:00.Z             | 2025-03-14T10:00:00Z",
            "2025-03-14T12:00:00+02:00         | 2025-03-14T10:00:00Z",
    })
    void readsWhatTheApiServerAndPeopleWrite(String text, String expected) {
        assertThat(KubeTime.parse(text, "t")).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"2025-02-29T10:00:00Z", "2025-04-31T10:00:00Z", "2025-03-14T24:00:00Z", "2025-03-14T10:60:00Z",
            "2025-03-14T10:00:60Z", "2025-13-01T10:00:00Z", "2025-03-14T10:00:00.1234567890Z", "2025-03-14 10:00:00Z",
            "yesterday"})
    void rejectsWhatIsNotATime(String text) {
        assertThatThrownBy(() -> KubeTime.parse(text, "lastTimestamp"))
                .isInstanceOf(MalformedObjectException.class)
                .hasMessageContaining("bad timestamp in lastTimestamp");
    }

    /** Every date the fast path reads (years 0 to 9999), against {@link LocalDate}. */
    @Test
    void epochDayIsLocalDatesForEveryDateOfFourDigitYears() {
        for (LocalDate date = LocalDate.of(0, 1, 1); date.getYear() <= 9999; date = date.plusDays(1)) {
            if (KubeTime.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()) != date.toEpochDay()) {
                assertThat(KubeTime.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
                        .as(date.toString()).isEqualTo(date.toEpochDay());
            }
        }
    }

    @Property(tries = 3000)
    void fastPathAgreesWithTheFormatter(@ForAll("timeLike") String text) {
        Instant fast = KubeTime.parseUtc(text);
        Instant slow;
        try {
            slow = OffsetDateTime.parse(text.trim().toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            slow = null;
        }
        if (fast != null) {
            assertThat(fast).as(text).isEqualTo(slow);
        }
    }

    /** Well-formed times with fields at and past their bounds, and single-character damage to them. */
    @Provide
    Arbitrary<String> timeLike() {
        Arbitrary<String> wellFormed = Arbitraries.integers().between(0, 9999).flatMap(year ->
                Arbitraries.integers().between(0, 13).flatMap(month ->
                        Arbitraries.integers().between(0, 32).flatMap(day ->
                                Arbitraries.integers().between(0, 61).tuple3().flatMap(hms ->
                                        Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(11).map(fraction ->
                                                String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d%sZ", year, month,
                                                        day, hms.get1() % 26, hms.get2(), hms.get3(),
                                                        fraction.isEmpty() ? "" : "." + fraction))))));
        return Arbitraries.oneOf(wellFormed, wellFormed.flatMap(text -> Arbitraries.integers().between(0, text.length() - 1)
                .flatMap(at -> Arbitraries.chars().with('x', ' ', '-', ':', '.', 'T', 'Z', '9', '+')
                        .map(c -> text.substring(0, at) + c + text.substring(at + 1)))));
    }
}
