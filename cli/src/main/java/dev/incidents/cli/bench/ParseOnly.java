package dev.incidents.cli.bench;

import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The project's own parse-only ceiling: read and map recordings (one file per cluster) into the records
 * {@code replay} would feed the topology, and nothing else. Run as its own JVM, like {@code replay}, so both pay the
 * same start-up. Prints the number of records, then the number of rejected lines.
 *
 * <p>{@link #read} is the bench's one call of the reader (the ship and latency rows read their records here too):
 * when the streaming reader of the recordings module lands, switch it there (issue #12: replay must stream; this is
 * the ceiling it is held to).
 */
public final class ParseOnly {
    private ParseOnly() {
    }

    public static void main(String[] args) {
        AtomicLong rejected = new AtomicLong();
        long records = read(Arrays.stream(args).map(Path::of).toList(), rejected).size();
        System.out.println(records + " " + rejected.get());
    }

    static List<Recorded> read(List<Path> files, AtomicLong rejected) {
        return Recordings.read(files, new ReadOptions(null, Instant.now()), r -> rejected.incrementAndGet());
    }
}
