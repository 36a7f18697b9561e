package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The replay command's reader thread: what it hands over is what the stream gave, in order, failures included. */
class ReadAheadTest {

    @Test
    void every_record_in_the_order_read_across_many_batches() {
        int count = ReadAhead.BATCH * 20 + 7; // more than the queue holds, and a last batch that is not full
        List<Integer> read = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(IntStream.range(0, count).iterator())) {
            ahead.forEachRemaining(read::add);
            assertThat(ahead.hasNext()).isFalse();
        }
        assertThat(read).containsExactlyElementsOf(IntStream.range(0, count).boxed().toList());
    }

    @Test
    void an_empty_recording_ends_at_once() {
        try (ReadAhead<Integer> ahead = new ReadAhead<>(List.<Integer>of().iterator())) {
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
        try (ReadAhead<Integer> ahead = new ReadAhead<>(failing)) {
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
        ReadAhead<Integer> ahead = new ReadAhead<>(endless);
        assertThat(ahead.next()).isEqualTo(1);
        ahead.close(); // returns only once the reader thread has ended
        int after = produced.get();
        assertThat(after).isLessThanOrEqualTo(ReadAhead.BATCH * 10 + 1); // the queue bounds how far it read ahead
        assertThat(produced.get()).isEqualTo(after);
    }
}
