package dev.incidents.recordings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.schemas.OwnerRef;
import dev.incidents.schemas.PodSnapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Records of recorded logs in event-time order, read as they are consumed: memory is bounded by the reorder window,
 * not by the length of the input. From {@link Recordings#stream}; close it to close the files.
 *
 * <p>Each file is read line by line (describe text, a few KB pasted from a terminal, whole) into its own window of
 * {@link ReadOptions#reorderWindow()} records; once the window is full its oldest record is released. Files are
 * merged by time; equal times keep file order, then position in the file. A file that fits its window therefore
 * comes out exactly as a sort of the whole input would order it. A record older than one already released (the file
 * was further out of order than the window) is released anyway, never dropped, and counted in {@link #late()}.
 *
 * <p>Owners can appear after the Pods they own (a ReplicaSet listed after its pods), so a Pod's owner chain is
 * resolved when the Pod is released, from every owner read so far (in any file): an owner within the window of its
 * pods resolves them.
 */
public final class RecordStream implements Iterator<Recorded>, AutoCloseable {
    /** A shell prompt (optional) and a kubectl/oc command asking for YAML or JSON: {@code [root@x]# kubectl get node y -o yaml}. */
    private static final java.util.regex.Pattern OBJECTS_COMMAND = java.util.regex.Pattern.compile(
            "^\\s*(?:.*?[$#>]\\s*)?" + KubectlCommands.KUBECTL + "\\s.*(?:-o\\s*|--output[= ])(?:yaml|json)\\b");

    /** Files by their oldest record; equal times in file order (within a file, {@link ReorderWindow} keeps position). */
    private static final Comparator<FileCursor> BY_HEAD = (a, b) -> {
        ReorderWindow.Held first = a.window.peek();
        ReorderWindow.Held second = b.window.peek();
        int byTime = first.compareTime(second);
        return byTime != 0 ? byTime : a.index != b.index ? Integer.compare(a.index, b.index) : first.compareTo(second);
    };

    /**
     * Where a file's bytes come from; {@code close} false for standard input, which outlives the read. {@code kind}
     * is what the file's place says its objects are (a support bundle's {@code pods/<ns>.json}), given to objects
     * written without one; null when the file does not say.
     */
    record Input(String name, Opener opener, boolean close, String kind) {
        Input(String name, Opener opener, boolean close) {
            this(name, opener, close, null);
        }
    }

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    private final ReadOptions options;
    private final Consumer<Rejection> rejected;
    /** Whether JSON Lines are mapped by {@link StreamingMapper} where it can (the tree path otherwise, and in tests). */
    private final boolean streaming;
    private long streamedLines;
    private final ReplayOwners owners = new ReplayOwners();
    private final List<FileCursor> files = new ArrayList<>();
    private final PriorityQueue<FileCursor> heads = new PriorityQueue<>(BY_HEAD);
    private final List<AutoCloseable> resources;
    private Instant newest;
    private long released;
    private long late;

    /** Opens every input and fills its window, in order: inputs that fit their windows are read whole here. */
    RecordStream(List<Input> inputs, ReadOptions options, Consumer<Rejection> rejected) {
        this(inputs, List.of(), options, rejected);
    }

    /** As above; {@code resources} (an archive's unpacked copies) are closed with the stream. */
    RecordStream(List<Input> inputs, List<? extends AutoCloseable> resources, ReadOptions options,
                 Consumer<Rejection> rejected) {
        this(inputs, resources, options, rejected, true);
    }

    /** As above; {@code streaming} false reads every line through a tree (the definition the streaming mapper meets). */
    RecordStream(List<Input> inputs, List<? extends AutoCloseable> resources, ReadOptions options,
                 Consumer<Rejection> rejected, boolean streaming) {
        this.streaming = streaming;
        this.options = options;
        this.rejected = rejected;
        this.resources = List.copyOf(resources);
        for (Input input : inputs) {
            FileCursor file = new FileCursor(files.size(), input);
            files.add(file);
            file.open();
            file.fill();
            if (!file.window.isEmpty()) {
                heads.add(file);
            }
        }
    }

    @Override
    public boolean hasNext() {
        return !heads.isEmpty();
    }

    @Override
    public Recorded next() {
        ReorderWindow.Held held = release();
        Recorded record = held.record();
        List<OwnerRef> chain = resolvedOwners(held);
        if (chain != null) {
            ((PodSnapshot) record.value()).setOwners(chain);
        }
        return record;
    }

    /** The records as {@link #nextEncoded()} releases them, as an iterator (for a reader on a thread of its own). */
    public Iterator<EncodedRecord> encoded() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return RecordStream.this.hasNext();
            }

            @Override
            public EncodedRecord next() {
                return nextEncoded();
            }
        };
    }

    /**
     * The next record as {@link #next()} gives it, its value in Avro single-object encoding: as it waited in the
     * window, without a decode, unless its owner chain changed on release (a Pod read before its ReplicaSet).
     */
    public EncodedRecord nextEncoded() {
        ReorderWindow.Held held = release();
        List<OwnerRef> chain = resolvedOwners(held);
        if (chain == null) {
            return held.encoded();
        }
        Recorded record = held.record();
        ((PodSnapshot) record.value()).setOwners(chain);
        return EncodedRecord.of(record);
    }

    /** Takes the oldest record held, refills its file's window and counts it. */
    private ReorderWindow.Held release() {
        FileCursor file = heads.poll();
        if (file == null) {
            throw new NoSuchElementException();
        }
        ReorderWindow.Held held = file.window.poll();
        file.fill();
        if (!file.window.isEmpty()) {
            heads.add(file);
        }
        released++;
        Instant time = held.envelope().time();
        if (newest != null && time.isBefore(newest)) {
            late++;
        } else {
            newest = time;
        }
        return held;
    }

    /**
     * A Pod's owner chain from every owner read so far (in any file), or null when it is the chain it was mapped
     * with (no owner of it read meanwhile) or the record is not a Pod with an owner.
     */
    private List<OwnerRef> resolvedOwners(ReorderWindow.Held held) {
        ReorderWindow.PodOwners mapped = held.podOwners();
        if (mapped == null) {
            return null;
        }
        List<OwnerRef> chain = KubeObjects.ownerChain(mapped.namespace(), mapped.chain().get(0),
                mapped.podTemplateHash(), owners);
        return chain.equals(mapped.chain()) ? null : chain;
    }

    /** Lines mapped by {@link StreamingMapper} so far, of files still being read and of files read to their end. */
    long streamedLines() {
        long lines = streamedLines;
        for (FileCursor file : files) {
            lines += file.json == null ? 0 : file.json.streamedLines();
        }
        return lines;
    }

    /** Records released so far. */
    public long released() {
        return released;
    }

    /** Records released after a newer one: their file was further out of order than the reorder window. */
    public long late() {
        return late;
    }

    /** Closes the files; records not yet released are dropped. */
    @Override
    public void close() {
        for (FileCursor file : files) {
            file.stop();
        }
        heads.clear();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // temporary copies: nothing read is lost
            }
        }
    }

    /** One input: its reader, and the window of mapped records not yet released. */
    private final class FileCursor implements Consumer<RawObject> {
        final int index;
        final Input input;
        final ReorderWindow window = new ReorderWindow();
        private LineInput in;
        private JsonLogReader json;

        FileCursor(int index, Input input) {
            this.index = index;
            this.input = input;
        }

        /**
         * Detects the format from the first non-blank line (after a {@code kubectl get ... -o yaml|json} command line
         * above the output); reads text whole, leaves JSON to {@link #fill()}.
         */
        void open() {
            String name = input.name();
            try {
                in = new LineInput(input.opener().open(), input.close());
                List<String> blank = new ArrayList<>();
                String command = null;
                int commandAt = -1;
                while (in.next()) {
                    if (!in.isBlank()) {
                        if (command == null && blank.stream().allMatch(String::isBlank)
                                && OBJECTS_COMMAND.matcher(in.text()).find()) {
                            // the reporter's command above its output: the output decides the format
                            command = in.text();
                            commandAt = blank.size();
                            blank.add("");
                            continue;
                        }
                        if (PastedText.isFence(in.text())) {
                            break; // a Markdown code fence around the output: decided below, once every fence is seen
                        }
                        if (JsonLogReader.looksLikeJson(in.text())) {
                            json = new JsonLogReader(name, options, in, this, streaming ? window::add : null, rejected);
                            return;
                        }
                        boolean quoted = PastedText.isQuoted(in.text())
                                && YamlObjects.looksLikeYaml(PastedText.unquoted(in.text()));
                        if (quoted || YamlObjects.looksLikeYaml(in.text())) {
                            if (command != null && quoted) {
                                blank.set(commandAt, command);
                            }
                            readYaml(blank, quoted ? PastedText::quotedBlocks : null);
                            return;
                        }
                        break;
                    }
                    blank.add(in.text());
                }
                if (command != null) {
                    blank.set(commandAt, command); // the text keeps its command (outside fences, the reporter's words)
                }
                List<String> lines = rest(blank);
                if (PastedText.fencesYaml(lines)) {
                    // code fences that each hold an object's YAML, the reporter's words around them: the objects
                    readYaml(lines, PastedText::fencedBlocks);
                    return;
                }
                readText(lines);
            } catch (CharacterCodingException e) {
                rejected.accept(new Rejection(name, 0, "not UTF-8 text"));
                stop();
            } catch (IOException | UncheckedIOException e) {
                rejected.accept(new Rejection(name, 0, "cannot read: " + e.getMessage()));
                stop();
            } catch (RuntimeException e) {
                // a reader bug must not stop a replay: report it like bad data, with the file
                rejected.accept(new Rejection(name, 0, "could not read: " + e));
                stop();
            }
        }

        /** Describe text and tables: small, and read as a whole (a document's fields refer to each other). */
        private void readText(List<String> lines) throws IOException {
            List<String> text = rest(lines);
            ReadOptions printed = new ReadOptions(options.cluster(), PasteMoment.of(text, options.now()),
                    options.reorderWindow());
            new DescribeTextReader(input.name(), printed, this, rejected).read(text);
        }

        /**
         * YAML objects: small (pasted), converted whole, then read as JSON Lines ({@link YamlObjects}) like a JSON
         * file, by {@link #fill()}; {@code pasted}: what a Markdown paste holds ({@link PastedText#fencedBlocks},
         * {@link PastedText#quotedBlocks}), null for YAML as printed.
         */
        private void readYaml(List<String> blank, java.util.function.UnaryOperator<List<String>> pasted)
                throws IOException {
            List<String> lines = rest(blank);
            YamlObjects.Converted converted;
            if (pasted != null) {
                // what the code fences hold (each block a document) or the reply quotes; the markers and the words
                // around them blanked, so the lines keep their numbers. Text that is no YAML (an Events table in the
                // next fence): the text reader reads the paste instead, as it did before it was known to hold YAML
                List<String> held = pasted.apply(lines);
                List<Rejection> refused = new ArrayList<>();
                converted = YamlObjects.convert(input.name(), String.join("\n", held) + "\n", refused::add);
                if (!refused.isEmpty()) {
                    readText(lines);
                    return;
                }
            } else {
                converted = YamlObjects.convert(input.name(), String.join("\n", lines) + "\n", rejected);
            }
            YamlObjects.Converted read = converted;
            in = new LineInput(new java.io.ByteArrayInputStream(read.jsonLines()), true);
            json = new JsonLogReader(input.name(), options, in, this, streaming ? window::add : null,
                    r -> rejected.accept(read.inYaml(r)));
        }

        /** {@code lines} read so far, the current line and every line after it; the input is closed. */
        private List<String> rest(List<String> lines) throws IOException {
            if (in == null) {
                return lines; // read to its end already (a paste read as YAML first, then as text)
            }
            if (in.number() > lines.size()) {
                lines.add(in.text());
                while (in.next()) {
                    lines.add(in.text());
                }
            }
            stop();
            return lines;
        }

        /** Reads until the window is full or the input ends. */
        void fill() {
            while (json != null && window.size() < options.reorderWindow()) {
                try {
                    if (!json.step()) {
                        stop();
                    }
                } catch (IOException | UncheckedIOException e) {
                    rejected.accept(new Rejection(input.name(), 0, "cannot read: " + e.getMessage()));
                    stop();
                } catch (RuntimeException e) {
                    rejected.accept(new Rejection(input.name(), 0, "could not read: " + e));
                    stop();
                }
            }
        }

        void stop() {
            if (json != null) {
                streamedLines += json.streamedLines();
            }
            json = null;
            if (in != null) {
                try {
                    in.close();
                } catch (IOException e) {
                    // read to the end already: nothing is lost
                }
                in = null;
            }
        }

        @Override
        public void accept(RawObject object) {
            if (input.kind() != null && object.object() instanceof ObjectNode node && !node.hasNonNull("kind")) {
                node.put("kind", input.kind());
            }
            try {
                if (Recordings.OWNER_KINDS.contains(Recordings.kindOf(object.object()))) {
                    owners.learn(object.object());
                }
                Recorded record = Recordings.map(object, options);
                if (record != null) {
                    window.add(record);
                }
            } catch (MalformedObjectException e) {
                rejected.accept(new Rejection(object.file(), object.line(), e.reason()));
            }
        }
    }
}
