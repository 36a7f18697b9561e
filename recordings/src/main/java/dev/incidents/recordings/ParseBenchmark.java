package dev.incidents.recordings;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parse-only ceiling of issue #12: read and map recordings to {@link Recorded} through the streaming reader
 * ({@link Recordings#stream}), every record released in order, and nothing else (no topology, no Kafka). What
 * {@code replay} and {@code ship --from} cannot beat, so their throughput is stated as a ratio of it.
 *
 * <p>{@code java -cp ... dev.incidents.recordings.ParseBenchmark [--runs N] FILE...} prints one line per run; the
 * first run includes the JIT's warm-up, as a command's single pass does.
 */
public final class ParseBenchmark {

    /**
     * One pass: records released, rejections and late records seen, the wall-clock time it took and the CPU time the
     * process spent meanwhile (JIT and GC threads included; -1 where the JVM does not say), which a machine shared
     * with other work disturbs less than the wall clock.
     */
    public record Result(long records, long rejected, long late, long nanos, long cpuNanos) {
        public double recordsPerSecond() {
            return nanos == 0 ? 0 : records * 1e9 / nanos;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "parse-only: %,d records in %.2f s = %,.0f records/s, process CPU %.2f s "
                    + "(%d rejected, %d late)", records, nanos / 1e9, recordsPerSecond(), cpuNanos / 1e9, rejected, late);
        }
    }

    private ParseBenchmark() {
    }

    /** Reads and maps {@code files} once, with the default {@link ReadOptions} (reorder window included). */
    public static Result parseOnly(List<Path> files) {
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long[] rejected = {0};
        long records = 0;
        long late;
        try (RecordStream stream = Recordings.stream(files, new ReadOptions(null, Instant.now()), r -> rejected[0]++)) {
            while (stream.hasNext()) {
                stream.next();
                records++;
            }
            late = stream.late();
        }
        long nanos = System.nanoTime() - start;
        return new Result(records, rejected[0], late, nanos, cpuStart < 0 ? -1 : processCpuNanos() - cpuStart);
    }

    /** CPU time this JVM has used (every thread), -1 where the JVM does not say. */
    public static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    public static void main(String[] args) {
        int runs = 1;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ("--runs".equals(args[i]) && i + 1 < args.length) {
                runs = Integer.parseInt(args[++i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: ParseBenchmark [--runs N] FILE...");
            System.exit(2);
        }
        for (int run = 0; run < runs; run++) {
            System.out.println(parseOnly(files));
        }
    }
}
