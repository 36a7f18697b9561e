package dev.incidents.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What every comparison of one bench run shares: where files go, how child JVMs start, the recordings, and where
 * progress is reported (stderr; the table goes to stdout).
 *
 * @param dir        the work directory (recordings, logs, broker data)
 * @param java       how a child JVM is started
 * @param recordings the generated recordings
 * @param progress   one line per step
 */
record BenchRun(Path dir, JavaCommand java, BenchRecordings recordings, PrintWriter progress) {

    void say(String format, Object... args) {
        progress.println("bench: " + String.format(Locale.ROOT, format, args));
        progress.flush();
    }

    /** The log file of one child process or service. */
    Path log(String name) {
        return dir.resolve("logs").resolve(name + ".log");
    }
}
