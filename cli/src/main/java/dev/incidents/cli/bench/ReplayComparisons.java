package dev.incidents.cli.bench;

import dev.incidents.cli.bench.BenchRecordings.Generated;
import dev.incidents.cli.bench.Comparison.Figure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The offline rows: {@code replay} as users run it (its own JVM through the CLI's main class, incidents written as
 * JSON lines and discarded) against Python's {@code json} module and against the project's parse-only ceiling; its
 * peak memory on N and 4N records; and its time per record on a small and a large recording. Each child process
 * is run once per recording and reused by every row that needs it.
 */
final class ReplayComparisons {
    private final BenchRun run;
    private final Map<List<Path>, MeasuredRun.Result> replays = new HashMap<>();

    ReplayComparisons(BenchRun run) {
        this.run = run;
    }

    /** Issue #12 target 1(a): time(replay) / time(python) <= 1.0 on the same file. */
    Comparison versusPython(Generated recording) {
        Optional<List<String>> python = PythonJson.command(recording.files());
        if (python.isEmpty()) {
            return Comparison.skipped("replay-vs-python", "no python3 on PATH: the Python json baseline was not measured");
        }
        MeasuredRun.Result replay = replay(recording);
        run.say("python3 json.loads over %s", describe(recording));
        MeasuredRun.Result parsed = MeasuredRun.run(python.get(), true, run.log("python-json"));
        check(parsed, "python3");
        // a header is a line, not a record
        long lines = Long.parseLong(parsed.stdout().strip()) - recording.files().size();
        return Comparison.of("replay-vs-python",
                new Figure(recording.records() / replay.seconds(), "records/s", "replay --output jsonl (own JVM)"),
                new Figure(lines / parsed.seconds(), "lines/s", "python3 json.loads per line"),
                replay.seconds() / parsed.seconds(), Target.ratioAtMost(1.0),
                String.format(Locale.ROOT, "ratio of times: %.1f s / %.1f s on %s", replay.seconds(), parsed.seconds(),
                        describe(recording)));
    }

    /** Issue #12 target 1(b): replay >= 0.5x the records/s of reading and mapping alone. */
    Comparison versusParseOnly(Generated recording) {
        MeasuredRun.Result replay = replay(recording);
        run.say("parse only (read + map, no topology) over %s", describe(recording));
        MeasuredRun.Result parsed = MeasuredRun.run(run.java().replayLike(ParseOnly.class.getName(), names(recording)),
                true, run.log("parse-only"));
        check(parsed, "parse-only");
        return Comparison.of("replay-vs-parse-only",
                new Figure(recording.records() / replay.seconds(), "records/s", "replay --output jsonl (own JVM)"),
                new Figure(recording.records() / parsed.seconds(), "records/s", "Recordings.read, no topology (own JVM)"),
                parsed.seconds() / replay.seconds(), Target.ratioAtLeast(0.5),
                String.format(Locale.ROOT, "%.1f s vs %.1f s on %s", replay.seconds(), parsed.seconds(), describe(recording)));
    }

    /** Issue #12 target 2: peak RSS of replay on 4N records within 1.2x of that on N. */
    Comparison memory(Generated small, Generated large, String heap) {
        MeasuredRun.Result n = replay(small);
        MeasuredRun.Result fourN = replay(large);
        if (n.maxRssKiB() < 0 || fourN.maxRssKiB() < 0) {
            return Comparison.skipped("memory", "neither /usr/bin/time nor /proc/<pid>/status: peak RSS not measurable here");
        }
        return Comparison.of("memory",
                new Figure(fourN.maxRssMiB(), "MiB", "replay max RSS, " + String.format(Locale.ROOT, "%,d", large.records()) + " records"),
                new Figure(n.maxRssMiB(), "MiB", "replay max RSS, " + String.format(Locale.ROOT, "%,d", small.records()) + " records"),
                fourN.maxRssMiB() / n.maxRssMiB(), Target.ratioAtMost(1.2),
                MeasuredRun.rssSource() + "; " + heap);
    }

    /**
     * Issue #12 target 6: time per record on the large recording within 1.2x of that on the small one. A run's fixed
     * cost (JVM start, topology build, measured as a replay of the header alone) is taken off both first, or the
     * small run's share of it would flatter the ratio. A small run no longer than the empty one measures nothing: the
     * row is skipped with the figures.
     */
    Comparison linearity(Generated small, Generated large, String sizeNote) {
        MeasuredRun.Result fixed = replay(run.recordings().empty());
        MeasuredRun.Result s = replay(small);
        MeasuredRun.Result l = replay(large);
        if (s.wallNanos() <= fixed.wallNanos()) {
            // a machine busy with other work, or sizes as tiny as --quick's: the empty run's noise is all there is
            return Comparison.skipped("linearity", String.format(Locale.ROOT, "the replay of %,d records took %.1f s, "
                    + "no longer than that of an empty recording (%.1f s): too small to measure a time per record%s",
                    small.records(), s.seconds(), fixed.seconds(), sizeNote));
        }
        double perSmall = (s.wallNanos() - fixed.wallNanos()) / 1e3 / small.records();
        double perLarge = (l.wallNanos() - fixed.wallNanos()) / 1e3 / large.records();
        return Comparison.of("linearity",
                new Figure(perLarge, "µs/record", String.format(Locale.ROOT, "replay of %,d records", large.records())),
                new Figure(perSmall, "µs/record", String.format(Locale.ROOT, "replay of %,d records", small.records())),
                perLarge / perSmall, Target.ratioAtMost(1.2),
                String.format(Locale.ROOT, "fixed cost %.1f s (replay of an empty recording) taken off both%s",
                        fixed.seconds(), sizeNote));
    }

    private MeasuredRun.Result replay(Generated recording) {
        return replays.computeIfAbsent(recording.files(), files -> {
            run.say("replay --output jsonl over %s", describe(recording));
            List<String> args = new ArrayList<>(List.of("replay", "--output", "jsonl"));
            args.addAll(List.of(names(recording)));
            MeasuredRun.Result result = MeasuredRun.run(run.java().incidents(args.toArray(String[]::new)),
                    false, run.log("replay-" + recording.records()));
            check(result, "replay");
            run.say("  %.1f s, max RSS %.0f MiB", result.seconds(), result.maxRssMiB());
            return result;
        });
    }

    private void check(MeasuredRun.Result result, String what) {
        // replay's 3 means some lines were rejected: the figure still counts, the reader should look at the log
        if (result.exitCode() != 0 && result.exitCode() != 3) {
            throw new IllegalStateException(what + " exited " + result.exitCode() + "; see " + run.dir().resolve("logs"));
        }
    }

    private static String[] names(Generated recording) {
        return recording.files().stream().map(Path::toString).toArray(String[]::new);
    }

    private static String describe(Generated recording) {
        long bytes = 0;
        try {
            for (Path file : recording.files()) {
                bytes += Files.size(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.format(Locale.ROOT, "%,d records (%.0f MB%s)", recording.records(), bytes / 1e6,
                recording.files().size() > 1 ? " in " + recording.files().size() + " files" : "");
    }
}
