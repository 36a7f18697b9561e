package dev.incidents.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What every comparison of one bench run shares: where files go, how child JVMs start, the recordings, and where
 * progress is reported (stderr; the table goes to stdout).
 *
 * @param dir        the work directory (recordings, logs, broker data)
 * @param java       how a child JVM is started
 * @param recordings the generated recordings
 * @param progress   one line per step
 * @param scratch    directories of one run only (Streams state), deleted by {@link #cleanUp()}
 */
record BenchRun(Path dir, JavaCommand java, BenchRecordings recordings, PrintWriter progress, List<Path> scratch) {

    BenchRun(Path dir, JavaCommand java, BenchRecordings recordings, PrintWriter progress) {
        this(dir, java, recordings, progress, new ArrayList<>());
    }

    void say(String format, Object... args) {
        progress.println("bench: " + String.format(Locale.ROOT, format, args));
        progress.flush();
    }

    /** The log file of one child process or service. */
    Path log(String name) {
        return dir.resolve("logs").resolve(name + ".log");
    }

    /** A new directory under the work directory that {@link #cleanUp()} deletes. */
    Path scratchDir(String prefix) {
        try {
            Path created = Files.createTempDirectory(dir, prefix);
            scratch.add(created);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void cleanUp() {
        for (Path path : scratch) {
            try (Stream<Path> paths = Files.walk(path)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // state left in the work directory is not worth failing the bench for
            }
        }
        scratch.clear();
    }
}
