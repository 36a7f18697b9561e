package dev.incidents.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one command as a child process and measures what a user of it sees: the wall time from start to exit and the
 * peak resident set size. The peak comes from GNU {@code /usr/bin/time -v} when it is installed (the kernel's
 * {@code ru_maxrss}, exact), else from {@code VmHWM} in {@code /proc/<pid>/status} sampled while the child runs
 * (the kernel's own high-water mark, so a sample misses only growth in the last few milliseconds).
 */
final class MeasuredRun {
    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern VM_HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");
    private static final long SAMPLE_MILLIS = 20;

    /** What one run measured; {@code maxRssKiB} is -1 where neither source exists. */
    record Result(int exitCode, long wallNanos, long maxRssKiB, String stdout) {
        double seconds() {
            return wallNanos / 1e9;
        }

        double maxRssMiB() {
            return maxRssKiB / 1024.0;
        }
    }

    private MeasuredRun() {
    }

    /**
     * @param keepStdout false discards the child's standard output (replay's incidents); true returns it
     * @param log        where the child's standard error goes, for a reader when something fails
     */
    static Result run(List<String> command, boolean keepStdout, Path log) {
        try {
            Path stdout = keepStdout ? Files.createTempFile(log.getParent(), "stdout", ".txt") : null;
            Path timeReport = Files.isExecutable(GNU_TIME) ? Files.createTempFile(log.getParent(), "time", ".txt") : null;
            List<String> full = new ArrayList<>();
            if (timeReport != null) {
                full.addAll(List.of(GNU_TIME.toString(), "-v", "-o", timeReport.toString()));
            }
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectOutput(stdout != null ? ProcessBuilder.Redirect.to(stdout.toFile()) : ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            long start = System.nanoTime();
            Process process = builder.start();
            long sampled = -1;
            while (!process.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
                if (timeReport == null) {
                    sampled = Math.max(sampled, vmHwm(process.pid()).orElse(-1L));
                }
            }
            long wall = System.nanoTime() - start;
            long maxRss = timeReport != null ? gnuTimeMaxRss(timeReport) : sampled;
            String out = stdout != null ? Files.readString(stdout, StandardCharsets.UTF_8) : "";
            if (stdout != null) {
                Files.delete(stdout);
            }
            if (timeReport != null) {
                Files.delete(timeReport);
            }
            return new Result(process.exitValue(), wall, maxRss, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    /** How the peak is measured, for the report. */
    static String rssSource() {
        return Files.isExecutable(GNU_TIME) ? "max RSS from /usr/bin/time -v" : "max RSS = VmHWM of /proc/<pid>/status, sampled every "
                + SAMPLE_MILLIS + " ms";
    }

    private static long gnuTimeMaxRss(Path report) throws IOException {
        Matcher m = MAX_RSS.matcher(Files.readString(report, StandardCharsets.UTF_8));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static Optional<Long> vmHwm(long pid) {
        try {
            Matcher m = VM_HWM.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // no /proc here, or the child just exited
        }
    }
}
