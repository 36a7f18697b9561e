package dev.incidents.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The reader thread of replay and {@code ship --from}: what it hands over is what the stream gave, in order, failures
 * and rejections included.
 */
class ReadAheadTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", java.time.Instant.parse("2025-03-14T12:00:00Z"));

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    /** A recording's stream read ahead gives what reading it whole gives, and reports the same rejections. */
    @Test
    void a_recordings_stream_read_ahead_gives_its_records_and_rejections() throws java.io.IOException {
        java.nio.file.Path log = recording(ReadAhead.BATCH * ReadAhead.QUEUED_BATCHES * 3 + 7);
        List<Rejection> rejections = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Recorded> read = new ArrayList<>();

        try (RecordStream stream = Recordings.stream(List.of(log), OPTIONS, rejections::add);
             ReadAhead<Recorded> records = new ReadAhead<>(stream, "test-reader")) {
            records.forEachRemaining(read::add);
            assertThat(records.hasNext()).isFalse();
        }

        List<Rejection> expectedRejections = new ArrayList<>();
        assertThat(read).containsExactlyElementsOf(Recordings.read(List.of(log), OPTIONS, expectedRejections::add));
        assertThat(rejections).containsExactlyElementsOf(expectedRejections).hasSize(1);
    }

    /** {@code count} events in time order, and one line that is not JSON. */
    private java.nio.file.Path recording(int count) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        java.time.Instant start = java.time.Instant.parse("2025-03-14T10:00:00Z");
        for (int i = 0; i < count; i++) {
            text.append("{\"kind\":\"Event\",\"involvedObject\":{\"kind\":\"Pod\",\"namespace\":\"ns\",\"name\":\"p")
                    .append(i).append("\"},\"lastTimestamp\":\"").append(start.plusSeconds(i / 10)).append("\"}\n");
            if (i == count / 2) {
                text.append("{not json\n");
            }
        }
        return java.nio.file.Files.writeString(dir.resolve("recording.jsonl"), text);
    }

    @Test
    void every_record_in_the_order_read_across_many_batches() {
        int count = ReadAhead.BATCH * 20 + 7; // more than the queue holds, and a last batch that is not full
        List<Integer> read = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(IntStream.range(0, count).iterator(), "test-reader")) {
            ahead.forEachRemaining(read::add);
            assertThat(ahead.hasNext()).isFalse();
        }
        assertThat(read).containsExactlyElementsOf(IntStream.range(0, count).boxed().toList());
    }

    @Test
    void an_empty_recording_ends_at_once() {
        try (ReadAhead<Integer> ahead = new ReadAhead<>(List.<Integer>of().iterator(), "test-reader")) {
            assertThat(ahead.hasNext()).isFalse();
        }
    }

    @Test
    void a_reader_failure_comes_after_the_records_read_before_it() {
        Iterator<Integer> failing = new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (next == ReadAhead.BATCH + 3) {
                    throw new UncheckedIOException(new java.io.IOException("disk gone"));
                }
                return next++;
            }
        };
        List<Integer> read = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(failing, "test-reader")) {
            assertThatThrownBy(() -> ahead.forEachRemaining(read::add))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk gone");
        }
        assertThat(read).hasSize(ReadAhead.BATCH); // the full batch went over; the three after it died with the reader
    }

    @Test
    void closing_early_stops_the_reader() {
        AtomicInteger produced = new AtomicInteger();
        Iterator<Integer> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return produced.incrementAndGet();
            }
        };
        ReadAhead<Integer> ahead = new ReadAhead<>(endless, "test-reader");
        assertThat(ahead.next()).isEqualTo(1);
        ahead.close(); // returns only once the reader thread has ended
        int after = produced.get();
        assertThat(after).isLessThanOrEqualTo(ReadAhead.BATCH * 10 + 1); // the queue bounds how far it read ahead
        assertThat(produced.get()).isEqualTo(after);
    }
}
