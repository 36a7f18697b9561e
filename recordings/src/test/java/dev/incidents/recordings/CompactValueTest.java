package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window's bytes are Avro's own single-object encoding of each value (the generated {@code toByteBuffer}, the
 * reference), so {@code ship --from} can send them as the serializer would; and they decode to the value.
 */
class CompactValueTest {
    @Test
    void bytesAreTheGeneratedSingleObjectEncodingAndDecodeToTheValue() throws Exception {
        List<Recorded> records = Recordings.read(List.of(Fixtures.path("logs/recording.jsonl"),
                Fixtures.path("logs/nodes-list.json"), Fixtures.path("logs/events-watch.json")),
                new ReadOptions("test", Instant.parse("2025-03-14T12:00:00Z")), r -> { });
        assertThat(records).extracting(r -> r.value() == null ? "tombstone" : r.value().getClass().getSimpleName())
                .contains("KubeEvent", "PodSnapshot", "NodeSnapshot");

        for (Recorded record : records) {
            if (record.value() == null) {
                continue;
            }
            byte[] bytes = CompactValue.encode(record.value());
            ByteBuffer reference = reference(record.value());
            byte[] expected = new byte[reference.remaining()];
            reference.get(expected);
            assertThat(bytes).as(record.key()).isEqualTo(expected);
            assertThat(CompactValue.decode(record.value().getClass(), bytes).toString()).isEqualTo(record.value().toString());
        }
    }

    private static ByteBuffer reference(SpecificRecord value) throws IOException {
        if (value instanceof KubeEvent event) {
            return event.toByteBuffer();
        }
        return value instanceof PodSnapshot pod ? pod.toByteBuffer() : ((NodeSnapshot) value).toByteBuffer();
    }
}
