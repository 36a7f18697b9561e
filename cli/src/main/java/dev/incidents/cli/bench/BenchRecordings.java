package dev.incidents.cli.bench;

import dev.incidents.recordings.BaseRecording;
import dev.incidents.recordings.CopyLayout;
import dev.incidents.recordings.ScaledRecording;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The recordings the bench replays and ships: copies of the bundled sample, each with its own namespaces, nodes and
 * uids ({@link ScaledRecording}, deterministic: the same size gives the same bytes), kept in the work directory so a
 * second run does not write them again. A size is rounded to whole copies of the sample.
 */
final class BenchRecordings {
    private final Path sample;
    private final Path dir;
    private BaseRecording base;

    /** A recording on disk and how many records it holds (the header line aside). */
    record Generated(Path file, long records) {
    }

    BenchRecordings(Path sample, Path dir) {
        this.sample = sample;
        this.dir = dir;
    }

    /** About {@code records} records: the nearest whole number of copies, at least one. */
    Generated scaled(long records) {
        BaseRecording base = base();
        int copies = (int) Math.max(1, Math.round((double) records / base.size()));
        Path file = dir.resolve("scaled-" + copies + "x.jsonl");
        ScaledRecording scaled = ScaledRecording.of(base, CopyLayout.evenlySpaced(copies, CopyLayout.DEFAULT_SHIFT));
        if (!Files.exists(file)) {
            write(file, out -> scaled.writeTo(out));
        }
        return new Generated(file, scaled.size());
    }

    /** The sample's header and no record: what a run costs before its first record (JVM start, topology build). */
    Generated empty() {
        Path file = dir.resolve("empty.jsonl");
        if (!Files.exists(file)) {
            write(file, out -> out.write(base().header() + "\n"));
        }
        return new Generated(file, 0);
    }

    int baseSize() {
        return base().size();
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
}
