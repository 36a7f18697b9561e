package dev.incidents.cli.bench;

import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recordings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The project's own parse-only ceiling: read and map recordings (one file per cluster) into the records {@code replay} would feed the
 * topology, and nothing else. Run as its own JVM, like {@code replay}, so both pay the same start-up. Prints the
 * number of records, then the number of rejected lines.
 *
 * <p>The one place that calls the reader: when the streaming reader of the recordings module lands, switch
 * {@link #read} to it (issue #12: replay must stream; this is the ceiling it is held to).
 */
public final class ParseOnly {
    private ParseOnly() {
    }

    public static void main(String[] args) {
        AtomicLong rejected = new AtomicLong();
        long records = read(Arrays.stream(args).map(Path::of).toList(), rejected);
        System.out.println(records + " " + rejected.get());
    }

    static long read(List<Path> files, AtomicLong rejected) {
        return Recordings.read(files, new ReadOptions(null, Instant.now()),
                r -> rejected.incrementAndGet()).size();
    }
}
