package dev.incidents.shipper;

import dev.incidents.recordings.EncodedRecord;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.RecordStream;
import dev.incidents.recordings.Recordings;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.serde.AvroDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ship --from} sends the bytes its reader held instead of serializing decoded values: a consumer must read from
 * them the records {@link ValueSerializer} would have written (Pods whose owner chain the recording completes later
 * included). Not always the same bytes: a decoded map iterates in hash order, the mapped one (and so the bytes sent
 * now, as the live shipper's) in key order.
 */
class EncodedValuesTest {
    private static final ReadOptions OPTIONS = new ReadOptions(null, Instant.parse("2025-03-14T12:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void reframedBytesAreWhatSerializingTheDecodedRecordsGives() throws Exception {
        Path triton = Path.of(EncodedValuesTest.class.getResource("/recordings/triton-disk-full.jsonl").toURI());
        // and a Volcano PodGroup, the fourth kind ship --from sends
        Path recording = Files.writeString(dir.resolve("with-podgroup.jsonl"), Files.readString(triton)
                + Files.readString(Path.of("..", "recordings", "src", "test", "resources", "objects", "podgroup-volcano.json"))
                .replaceAll("\\s*\\n\\s*", " ") + "\n");
        List<Recorded> decoded = Recordings.read(List.of(recording), OPTIONS, r -> { });
        List<EncodedRecord> encoded = new ArrayList<>();
        try (RecordStream stream = Recordings.stream(List.of(recording), OPTIONS, r -> { })) {
            stream.encoded().forEachRemaining(encoded::add);
        }
        ValueSerializer values = new ValueSerializer(Map.of());

        assertThat(encoded).hasSameSizeAs(decoded);
        for (int i = 0; i < decoded.size(); i++) {
            Recorded want = decoded.get(i);
            EncodedRecord got = encoded.get(i);
            assertThat(got.key()).isEqualTo(want.key());
            if (want.isTombstone()) {
                assertThat(got.value()).isNull();
                continue;
            }
            byte[] sent = values.reframe("topic", got.type(), got.value());
            byte[] serialized = values.serialize("topic", want.value());
            AvroDeserializer<? extends SpecificRecord> consumer = new AvroDeserializer<>(want.value().getClass());
            assertThat(consumer.deserialize("topic", sent)).as("record %d, %s", i, want.key())
                    .isEqualTo(consumer.deserialize("topic", serialized));
            assertThat(sent).hasSameSizeAs(serialized).startsWith(Arrays.copyOf(serialized, 10));
        }
        assertThat(decoded).anyMatch(r -> r.kind() == Recorded.Kind.PODGROUP).anyMatch(Recorded::isTombstone)
                .anyMatch(r -> r.value() instanceof PodSnapshot pod && pod.getOwners().size() > 1);
    }
}
