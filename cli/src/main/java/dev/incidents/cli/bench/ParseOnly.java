package dev.incidents.cli.bench;

import dev.incidents.recordings.ParseBenchmark;
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
 * <p>{@link #read} is the bench's one call of the reader for the rows that need the records in hand (ship, latency).
 */
public final class ParseOnly {
    private ParseOnly() {
    }

    /** Streams the files through the reader, as {@code replay} does, holding nothing: the parse-only ceiling. */
    public static void main(String[] args) {
        ParseBenchmark.Result result = ParseBenchmark.parseOnly(Arrays.stream(args).map(Path::of).toList());
        System.out.println(result.records() + " " + result.rejected());
    }

    static List<Recorded> read(List<Path> files, AtomicLong rejected) {
        return Recordings.read(files, new ReadOptions(null, Instant.now()), r -> rejected.incrementAndGet());
    }
}
