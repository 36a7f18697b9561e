package dev.incidents.shipper;

import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.recordings.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ReadAheadTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2025-03-14T12:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void givesWhatTheReaderGivesInOrderWithRejections() throws IOException {
        Path log = recording(ReadAhead.BATCH * ReadAhead.BATCHES_AHEAD * 3 + 7);
        List<Rejection> rejections = new CopyOnWriteArrayList<>();
        List<Recorded> read = new ArrayList<>();

        try (ReadAhead<Recorded> records = ReadAhead.start(List.of(log), OPTIONS, rejections::add)) {
            records.forEachRemaining(read::add);
            assertThat(records.hasNext()).isFalse();
        }

        List<Rejection> expectedRejections = new ArrayList<>();
        assertThat(read).containsExactlyElementsOf(Recordings.read(List.of(log), OPTIONS, expectedRejections::add));
        assertThat(rejections).containsExactlyElementsOf(expectedRejections).hasSize(1);
    }

    /** A producer that fails stops reading: closing does not wait for the rest of the recording. */
    @Test
    @Timeout(10)
    void closingEarlyStopsTheReader() throws IOException {
        Path log = recording(ReadAhead.BATCH * ReadAhead.BATCHES_AHEAD * 10);

        try (ReadAhead<Recorded> records = ReadAhead.start(List.of(log), OPTIONS, r -> { })) {
            assertThat(records.next().line()).isEqualTo(1);
        }
    }

    /** {@code count} events in time order, and one line that is not JSON. */
    private Path recording(int count) throws IOException {
        StringBuilder text = new StringBuilder();
        Instant start = Instant.parse("2025-03-14T10:00:00Z");
        for (int i = 0; i < count; i++) {
            text.append("{\"kind\":\"Event\",\"involvedObject\":{\"kind\":\"Pod\",\"namespace\":\"ns\",\"name\":\"p")
                    .append(i).append("\"},\"lastTimestamp\":\"").append(start.plusSeconds(i / 10)).append("\"}\n");
            if (i == count / 2) {
                text.append("{not json\n");
            }
        }
        return Files.writeString(dir.resolve("recording.jsonl"), text);
    }
}
