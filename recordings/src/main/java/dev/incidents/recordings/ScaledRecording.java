package dev.incidents.recordings;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A large recording made of copies of a small one, for throughput and memory checks and for tests of the ordering
 * guarantee (DESIGN.md section 4: a subject's incidents do not depend on unrelated workloads' traffic): copy k of
 * every base record, renamed by {@link RecordingCopy} and moved in time by {@link CopyLayout}, merged in event-time
 * order and written in the base's own format, so every reader of recordings reads it. The Java twin of
 * {@code scale-recording.py}, with a seedable jitter and a choice of copies, so one base gives both "copy 0 alone"
 * and "copies 0..k interleaved".
 *
 * <p>Only the base is held in memory: the output is a k-way merge of the copies, one line at a time, so a million
 * records take no more memory than one copy. Records with equal times are written by copy number, then base order
 * (the order scale-recording.py's stable sort gives). The output is a function of the base, the layout and the
 * copies chosen: the same arguments give the same bytes.
 */
public final class ScaledRecording {
    private final BaseRecording base;
    private final CopyLayout layout;
    private final BitSet emitted;

    private ScaledRecording(BaseRecording base, CopyLayout layout, BitSet emitted) {
        this.base = base;
        this.layout = layout;
        this.emitted = emitted;
    }

    /** Every copy of {@code layout}. */
    public static ScaledRecording of(BaseRecording base, CopyLayout layout) {
        BitSet all = new BitSet();
        all.set(0, layout.copies());
        return new ScaledRecording(base, layout, all);
    }

    /** Only the given copies, each where the layout puts it (copy 3 alone still starts 3 shifts late). */
    public ScaledRecording only(int... copies) {
        BitSet chosen = new BitSet();
        for (int copy : copies) {
            layout.copy(copy); // fails for a copy outside the layout
            chosen.set(copy);
        }
        return new ScaledRecording(base, layout, chosen);
    }

    /** How many records {@link #writeTo} writes (the header aside). */
    public long size() {
        return (long) emitted.cardinality() * base.size();
    }

    /** Writes the header, then every record of the chosen copies in event-time order; returns the records written. */
    public long writeTo(Writer out) throws IOException {
        out.write(base.header());
        out.write('\n');
        PriorityQueue<Cursor> next = new PriorityQueue<>(Cursor.ORDER);
        for (int copy = emitted.nextSetBit(0); copy >= 0; copy = emitted.nextSetBit(copy + 1)) {
            Cursor.first(base, layout.copy(copy)).ifPresent(next::add);
        }
        long written = 0;
        while (!next.isEmpty()) {
            Cursor cursor = next.poll();
            out.write(base.line(cursor.index(), cursor.copy()));
            out.write('\n');
            written++;
            cursor.next(base).ifPresent(next::add);
        }
        out.flush();
        return written;
    }

    /** The whole recording as text: for tests of a few copies, never for a large one. */
    public String text() {
        StringWriter text = new StringWriter();
        try {
            writeTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Where one copy is in the base: its next record and that record's time in this copy. */
    private record Cursor(RecordingCopy copy, int index, Instant time) {
        static final Comparator<Cursor> ORDER = Comparator.comparing(Cursor::time)
                .thenComparingInt(c -> c.copy().number()).thenComparingInt(Cursor::index);

        static Optional<Cursor> first(BaseRecording base, RecordingCopy copy) {
            return at(base, copy, 0);
        }

        Optional<Cursor> next(BaseRecording base) {
            return at(base, copy, index + 1);
        }

        private static Optional<Cursor> at(BaseRecording base, RecordingCopy copy, int index) {
            return index < base.size() ? Optional.of(new Cursor(copy, index, copy.shift(base.time(index))))
                    : Optional.empty();
        }
    }

    private static final String USAGE = """
            usage: ScaledRecording [--copies N] [--shift SECONDS] [--seed N] [--jitter SECONDS] [--only K,...] IN OUT
              IN      a recording in the project's format (header line + {"time","type","object"} lines)
              OUT     where to write the scaled recording, - for standard output
              --copies  how many copies, copy 0 (the base, names unchanged) included (default 1)
              --shift   seconds between consecutive copies (default 3, as scale-recording.py)
              --seed    chooses each copy's jitter (default 0)
              --jitter  largest extra offset of a copy in seconds, millisecond precision (default 0: none)
              --only    write only these copies, each at its place in the layout (default: all)""";

    /** Scales a recording file; see {@link #USAGE}. Exit code 2 for bad arguments or a bad base recording. */
    public static void main(String[] args) throws IOException {
        Deque<String> rest = new ArrayDeque<>(List.of(args));
        int copies = 1;
        Duration shift = CopyLayout.DEFAULT_SHIFT;
        long seed = 0;
        Duration jitter = Duration.ZERO;
        int[] only = null;
        List<String> files = new ArrayList<>();
        try {
            while (!rest.isEmpty()) {
                String arg = rest.removeFirst();
                switch (arg) {
                    case "--copies" -> copies = Integer.parseInt(value(rest, arg));
                    case "--shift" -> shift = seconds(value(rest, arg));
                    case "--seed" -> seed = Long.parseLong(value(rest, arg));
                    case "--jitter" -> jitter = seconds(value(rest, arg));
                    case "--only" -> only = Arrays.stream(value(rest, arg).split(","))
                            .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> files.add(arg);
                }
            }
            if (files.size() != 2) {
                throw new IllegalArgumentException("expected IN and OUT, got " + files);
            }
            ScaledRecording scaled = of(BaseRecording.read(Path.of(files.get(0))),
                    CopyLayout.evenlySpaced(copies, shift).withJitter(seed, jitter));
            if (only != null) {
                scaled = scaled.only(only);
            }
            long written;
            if (Recordings.STDIN.equals(files.get(1))) {
                written = scaled.writeTo(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
            } else {
                try (Writer out = Files.newBufferedWriter(Path.of(files.get(1)), StandardCharsets.UTF_8)) {
                    written = scaled.writeTo(out);
                }
            }
            System.err.println("wrote " + written + " records");
        } catch (IllegalArgumentException e) { // NumberFormatException included
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
    }

    private static String value(Deque<String> rest, String flag) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return rest.removeFirst();
    }

    /** Decimal seconds ({@code 3}, {@code 0.25}) to a duration, exactly: no binary floating point in a layout. */
    private static Duration seconds(String text) {
        BigDecimal seconds = new BigDecimal(text);
        return Duration.ofSeconds(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
    }
}
