package dev.incidents.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventTimeHeaderTest {
    private static final Instant RECORDED = Instant.parse("2025-03-14T10:00:00.123Z");

    @Test
    void eventTimeIsEpochMillisInDecimalAscii() {
        assertThat(EventTimeHeader.NAME).isEqualTo("incidents.event-time");
        assertThat(EventTimeHeader.encode(RECORDED)).containsExactly(
                '1', '7', '4', '1', '9', '4', '6', '4', '0', '0', '1', '2', '3');
        assertThat(EventTimeHeader.encode(Instant.EPOCH)).containsExactly('0');
        assertThat(EventTimeHeader.encode(Instant.parse("1969-12-31T23:59:59.999Z"))).containsExactly('-', '1');
        // Sub-millisecond precision is not kept: Kafka timestamps are milliseconds too.
        assertThat(EventTimeHeader.encode(RECORDED.plusNanos(999))).isEqualTo(EventTimeHeader.encode(RECORDED));
    }

    @Test
    void decodesWhatItEncodes() {
        for (Instant t : new Instant[] {RECORDED, Instant.EPOCH, Instant.parse("1969-07-20T20:17:40Z"),
                Instant.ofEpochMilli(Long.MAX_VALUE), Instant.ofEpochMilli(Long.MIN_VALUE)}) {
            assertThat(EventTimeHeader.decode(EventTimeHeader.encode(t))).contains(t);
        }
    }

    @Test
    void anythingElseIsNoEventTime() {
        for (String bad : new String[] {"", "-", "+1", " 1", "1 ", "1.5", "2025-03-14T10:00:00Z", "0x10",
                "9223372036854775808", "-9223372036854775809", "123456789012345678901"}) {
            assertThat(EventTimeHeader.decode(bad.getBytes(StandardCharsets.US_ASCII))).as(bad).isEmpty();
        }
        assertThat(EventTimeHeader.decode(null)).isEmpty();
        assertThat(EventTimeHeader.decode(new byte[] {0, 0, 1, -107, -108, 16, 72, -128})).isEmpty();
    }

    @Test
    void readsTheLastHeaderOfItsName() {
        RecordHeaders headers = new RecordHeaders();
        assertThat(EventTimeHeader.read(headers)).isEmpty();
        assertThat(EventTimeHeader.read(null)).isEmpty();

        headers.add(EventTimeHeader.of(Instant.EPOCH));
        headers.add("other", "5".getBytes(StandardCharsets.US_ASCII));
        headers.add(EventTimeHeader.of(RECORDED));

        assertThat(EventTimeHeader.read(headers)).contains(RECORDED);
        assertThat(EventTimeHeader.of(RECORDED).key()).isEqualTo("incidents.event-time");
    }
}
