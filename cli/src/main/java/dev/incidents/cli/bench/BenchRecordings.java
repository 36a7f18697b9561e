package dev.incidents.cli.bench;

import dev.incidents.recordings.BaseRecording;
import dev.incidents.recordings.CopyLayout;
import dev.incidents.recordings.ScaledRecording;
import dev.incidents.recordings.fleet.FleetRecording;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The recordings the bench replays and ships, kept in the work directory so a second run does not write them again
 * (both kinds are deterministic: the same size gives the same bytes):
 * <ul>
 *   <li>{@link Kind#FLEET} (the default): a {@link FleetRecording} of four clusters, one file each, ~95 % healthy
 *   lifecycle from the scenario fixtures named {@code healthy-*} and node heartbeats, ~5 % failures from the other
 *   scenario fixtures and the sample;</li>
 *   <li>{@link Kind#SCALED}: copies of the sample ({@link ScaledRecording}), one cluster, failure-dense; what the
 *   figures of issue #12 were first measured on, and the fallback when the scenario fixtures are not there (an
 *   installation without the sources).</li>
 * </ul>
 */
final class BenchRecordings {
    /** Which generator. */
    enum Kind { FLEET, SCALED }

    private final Kind kind;
    private final Path sample;
    private final Path scenarios;
    private final Path dir;
    private BaseRecording base;

    /** A recording on disk (one file per cluster) and how many records it holds (lines, headers aside). */
    record Generated(List<Path> files, long records) {
    }

    BenchRecordings(Kind kind, Path sample, Path scenarios, Path dir) {
        this.kind = kind == Kind.FLEET && !Files.isDirectory(scenarios) ? Kind.SCALED : kind;
        this.sample = sample;
        this.scenarios = scenarios;
        this.dir = dir;
    }

    /**
     * The fleet recordings' directory prefix, with the generator's version: a directory holds what the generator
     * wrote when it was made, and one written before a change of what the fleet holds must not be reused (v2: copies
     * end with their pods' and nodes' deletes).
     */
    private static final String FLEET_DIRECTORY = "fleet-v2-";

    /** Which generator is used (FLEET falls back to SCALED without the scenario fixtures). */
    Kind kind() {
        return kind;
    }

    /** About {@code records} records. */
    Generated generate(long records) {
        return kind == Kind.FLEET ? fleet(FLEET_DIRECTORY + records, FleetRecording.Spec.of(records)) : scaled(records);
    }

    /**
     * About {@code records} records spread over {@code window} of event time: what a memory comparison needs, a
     * recording longer than the analyzer's retention, in which subjects come and go. Scaled copies of the sample are
     * evenly spaced by their number, whatever the window.
     */
    Generated spanning(long records, Duration window) {
        return kind == Kind.FLEET
                ? fleet(FLEET_DIRECTORY + records + "-over-" + window.toHours() + "h", FleetRecording.Spec.of(records).over(window))
                : scaled(records);
    }

    /** The sample's header and no record: what a run costs before its first record (JVM start, topology build). */
    Generated empty() {
        Path file = dir.resolve("empty.jsonl");
        if (!Files.exists(file)) {
            write(file, out -> out.write(base().header() + "\n"));
        }
        return new Generated(List.of(file), 0);
    }

    int baseSize() {
        return base().size();
    }

    /** The nearest whole number of copies of the sample, at least one. */
    private Generated scaled(long records) {
        BaseRecording base = base();
        int copies = (int) Math.max(1, Math.round((double) records / base.size()));
        Path file = dir.resolve("scaled-" + copies + "x.jsonl");
        ScaledRecording scaled = ScaledRecording.of(base, CopyLayout.evenlySpaced(copies, CopyLayout.DEFAULT_SHIFT));
        if (!Files.exists(file)) {
            write(file, out -> scaled.writeTo(out));
        }
        return new Generated(List.of(file), scaled.size());
    }

    private Generated fleet(String name, FleetRecording.Spec spec) {
        Path target = dir.resolve(name);
        Path count = target.resolve("records");
        try {
            if (!Files.exists(count)) {
                Path partial = dir.resolve(name + ".partial");
                delete(partial);
                FleetRecording.Written written = new FleetRecording(spec,
                        FleetRecording.fixturesIn(scenarios, sample)).writeTo(partial);
                Files.writeString(partial.resolve("records"), Long.toString(written.records()));
                delete(target);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            }
            try (Stream<Path> files = Files.list(target)) {
                return new Generated(files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList(),
                        Long.parseLong(Files.readString(count).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fleet recording " + target + ": " + e.getMessage(), e);
        }
    }

    private BaseRecording base() {
        if (base == null) {
            try {
                base = BaseRecording.read(sample);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sample recording " + sample + ": " + e.getMessage(), e);
            }
        }
        return base;
    }

    private interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Written beside, then moved in place: a file that exists is complete, even after an interrupted run. */
    private static void write(Path file, Content content) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
