package dev.incidents.recordings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Formats 1 to 4 of DESIGN.md section 6, told apart by content:
 * <ul>
 *   <li>JSON Lines (an event exporter's output, our recordings, {@code --output-watch-events} compact lines): the
 *       first non-blank line is a complete JSON value on its own. Each line is read alone, so one bad line is one
 *       rejection;</li>
 *   <li>otherwise a stream of concatenated JSON values ({@code kubectl get -o json} Lists, pretty-printed
 *       {@code kubectl get -w -o json} output, {@code kubectl cluster-info dump}'s Lists with each container's logs
 *       between {@code ==== START logs ...} and {@code ==== END logs ...} lines, which are skipped). After a syntax
 *       error the reader resumes at the next line that starts with <code>{</code> in column 0, where kubectl starts
 *       every top-level object.</li>
 * </ul>
 * Each value is then unwrapped: our header line, {@code {type, object}} watch wrappers (with our {@code time}),
 * {@code List}/{@code EventList}/... {@code items}, eventrouter's {@code {verb, event}} lines, a log pipeline's entry
 * carrying an Event in a field (Cloud Logging's {@code jsonPayload}), JSON arrays, or a bare object.
 */
final class JsonLogReader {
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build());

    private final String file;
    private final ReadOptions options;
    private final LineInput in;
    private final Consumer<RawObject> out;
    /** Where lines mapped by {@link StreamingMapper} go; null to read every line through a tree. */
    private final Consumer<Recorded> mapped;
    private final StreamingMapper streaming = new StreamingMapper();
    private long streamedLines;
    private final Consumer<Rejection> rejected;
    private final boolean jsonLines;
    private String headerCluster;
    /** The next value read is the file's first (the only place a recording header counts). */
    private boolean firstValue = true;

    // A stream of concatenated values: the parser, and the lines it may have to go back to after a syntax error.
    private final RetainedLines retained;
    private JsonParser parser;
    /** 0-based index of the line the parser started at; parser line numbers are relative to it. */
    private long base;
    /** A top-level object being read field by field, and whether it had {@code items} (a List: not itself an object). */
    private ObjectNode top;
    private long topLine;
    private boolean topFirst;
    private boolean topHadItems;
    private boolean inItems;

    /** {@code in} is at the first non-blank line of the file, whose first non-blank character opens a value. */
    JsonLogReader(String file, ReadOptions options, LineInput in, Consumer<RawObject> out, Consumer<Recorded> mapped,
                  Consumer<Rejection> rejected) {
        this.file = file;
        this.options = options;
        this.in = in;
        this.out = out;
        this.mapped = mapped;
        this.rejected = rejected;
        this.jsonLines = parsesAlone(in);
        if (jsonLines) {
            this.retained = null;
        } else {
            this.retained = new RetainedLines(in);
            this.base = in.number() - 1;
        }
    }

    /**
     * True when a first non-blank line looks like JSON at all: it opens an object, or an array whose first element
     * opens an object, an array or a string (or that ends or breaks the line there). A shell prompt
     * ({@code [kni@host dir]$ oc describe ...}), a bracketed log level or time, a Go template's {@code [map[...]]} also
     * start with {@code [} and are text, as do a template's tags ({@code {{% notice %}}}, {@code {% raw %}},
     * {@code {{< highlight >}}}, {@code {# comment #}}) around output in a blog or a docs site's source.
     */
    static boolean looksLikeJson(String firstNonBlank) {
        String trimmed = firstNonBlank.strip();
        if (trimmed.isEmpty()) {
            return false;
        }
        if (trimmed.charAt(0) == '{') {
            return !isTemplateTag(trimmed);
        }
        if (trimmed.charAt(0) != '[') {
            return false;
        }
        String element = trimmed.substring(1).stripLeading();
        return element.isEmpty() || "{[\"]".indexOf(element.charAt(0)) >= 0;
    }

    /** A Go, Hugo, Jinja or Liquid template tag opens with two characters no JSON object opens with. */
    private static boolean isTemplateTag(String trimmed) {
        return trimmed.length() > 1 && "{%#".indexOf(trimmed.charAt(1)) >= 0;
    }

    private static boolean parsesAlone(LineInput line) {
        try {
            MAPPER.readTree(line.buffer(), line.start(), line.length());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Lines of a JSON Lines file mapped by {@link StreamingMapper} (the rest went through a tree). */
    long streamedLines() {
        return streamedLines;
    }

    /** Reads the next line (JSON Lines) or value or List item (a stream) and hands on what it holds; false at the end. */
    boolean step() throws IOException {
        return jsonLines ? lineStep() : streamStep();
    }

    private boolean lineStep() throws IOException {
        boolean first = firstValue;
        if (!first && !in.next()) {
            return false;
        }
        firstValue = false;
        if (in.isBlank()) {
            return true;
        }
        long line = in.number();
        if (!in.isUtf8()) {
            rejected.accept(new Rejection(file, line, "not UTF-8 text"));
            return true;
        }
        if (mapped != null && !first) {
            try {
                Recorded record = streaming.map(in.buffer(), in.start(), in.length(), options.clusterOr(headerCluster),
                        options, file, line);
                if (record != null) {
                    mapped.accept(record);
                }
                streamedLines++;
                return true;
            } catch (StreamingMapper.NotStreamable e) {
                // another shape, an owner, odd or bad input: the tree path reads it (and words any rejection)
            }
        }
        JsonNode value;
        try {
            value = MAPPER.readTree(in.buffer(), in.start(), in.length());
        } catch (JsonProcessingException e) {
            rejected.accept(new Rejection(file, line, "not JSON: " + e.getOriginalMessage()));
            return true;
        }
        unwrap(value, line, first);
        return true;
    }

    /**
     * One value of a stream, or one item of a List in it. A List's items are read one at a time, so they keep their
     * own line numbers (a 10 000-event List should not report every rejection at line 1) and a large List is never
     * held whole.
     */
    private boolean streamStep() throws IOException {
        if (parser == null) {
            parser = MAPPER.createParser(retained.from(base));
        }
        retained.dropBefore(base + parser.currentLocation().getLineNr() - 1);
        try {
            if (inItems) {
                if (parser.nextToken() != JsonToken.END_ARRAY) {
                    long itemLine = base + parser.currentTokenLocation().getLineNr();
                    unwrap(itemOf(top, MAPPER.readTree(parser)), itemLine, false);
                    return true;
                }
                inItems = false;
                return topFields();
            }
            if (top != null) {
                return topFields();
            }
            JsonToken token = parser.nextToken();
            if (token == null) {
                parser.close();
                return false;
            }
            long line = base + parser.currentTokenLocation().getLineNr();
            boolean first = firstValue;
            firstValue = false;
            if (token == JsonToken.START_OBJECT) {
                top = MAPPER.createObjectNode();
                topLine = line;
                topFirst = first;
                topHadItems = false;
                return topFields();
            }
            unwrap(MAPPER.readTree(parser), line, first);
            return true;
        } catch (JsonProcessingException e) {
            long errorLine = base + (e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr()));
            long logsEnd = top == null && !inItems ? retained.logSectionEnd(errorLine - 1) : -1;
            if (logsEnd < 0) {
                rejected.accept(new Rejection(file, errorLine, "not JSON: " + e.getOriginalMessage()));
            }
            if (top != null && !top.isEmpty() && isCut(e)) {
                // an object cut before its end (a paste, a truncated file): its fields read whole still say something
                ObjectNode cut = top;
                top = null;
                unwrap(cut, topLine, topFirst);
            }
            // the error may sit on the line that opens the next object (an unclosed one before it): resume there; after
            // a container's logs in a cluster-info dump, at the first object after them
            parser.close();
            parser = null;
            top = null;
            inItems = false;
            firstValue = false;
            base = retained.nextObjectStart(logsEnd >= 0 ? logsEnd : Math.max(errorLine - 1, base + 1));
            return base >= 0;
        }
    }

    /**
     * Whether the input ended inside a value: the parser's own end-of-input, or the tree reader's when the end came
     * inside a nested object (an Event cut inside its metadata).
     */
    private static boolean isCut(JsonProcessingException e) {
        return e instanceof com.fasterxml.jackson.core.io.JsonEOFException
                || e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected end-of-input");
    }

    /** Reads fields of the top-level object up to its end, or up to the first item of its {@code items}. */
    private boolean topFields() throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("items".equals(field) && value == JsonToken.START_ARRAY) {
                topHadItems = true;
                inItems = true;
                return true;
            }
            top.set(field, MAPPER.readTree(parser));
        }
        ObjectNode object = top;
        top = null;
        if (!topHadItems) {
            unwrap(object, topLine, topFirst);
        }
        return true;
    }

    /**
     * The lines of a stream from where the parser may have to resume after a syntax error (its current line) to what
     * it has read ahead, read by the parser as one text of lines joined by LF. Lines before the parser's current
     * line are dropped as it moves on, so a 100 MB List is never held whole.
     */
    private static final class RetainedLines extends InputStream {
        private static final byte[] LOGS_START = "==== START logs for container ".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] LOGS_END = "==== END logs for container ".getBytes(StandardCharsets.US_ASCII);
        private final LineInput in;
        private final ArrayList<byte[]> lines = new ArrayList<>();
        /** 0-based index in the file of {@code lines.get(0)}; entries before {@code head} were dropped. */
        private long first;
        private int head;
        private boolean exhausted;
        /** The next line and byte the parser reads. */
        private long cursor;
        private int offset;

        /** Starts at the current line of {@code in}. */
        RetainedLines(LineInput in) {
            this.in = in;
            this.first = in.number() - 1;
            this.cursor = first;
            lines.add(withNewline(in));
        }

        private static byte[] withNewline(LineInput in) {
            byte[] line = new byte[in.length() + 1];
            System.arraycopy(in.buffer(), in.start(), line, 0, in.length());
            line[in.length()] = '\n';
            return line;
        }

        private long end() {
            return first + lines.size();
        }

        private byte[] get(long index) {
            return lines.get((int) (index - first));
        }

        private boolean pull() throws IOException {
            if (exhausted || !in.next()) {
                exhausted = true;
                return false;
            }
            lines.add(withNewline(in));
            return true;
        }

        /** Forgets lines before {@code index}, never one the parser has still to read. */
        void dropBefore(long index) {
            long bound = Math.min(index, cursor);
            while (first + head < bound) {
                lines.set(head++, null);
            }
            if (head > 1024 && head * 2 > lines.size()) {
                lines.subList(0, head).clear();
                first += head;
                head = 0;
            }
        }

        /** This input, read from the start of retained line {@code index}. */
        InputStream from(long index) {
            cursor = index;
            offset = 0;
            dropBefore(index);
            return this;
        }

        /**
         * When line {@code index} (0-based) opens a container's logs in {@code kubectl cluster-info dump}'s output
         * ({@code ==== START logs for container x of pod ns/y ====}), the index of the line after their {@code ==== END
         * logs ...} line (or the end of the file): the logs are the containers' own output, no object and no error;
         * else -1.
         */
        long logSectionEnd(long index) throws IOException {
            if (!startsWith(index, LOGS_START)) {
                return -1;
            }
            long i = index + 1;
            while (ensure(i) && !startsWith(i, LOGS_END)) {
                i++;
            }
            return i + 1;
        }

        private boolean ensure(long index) throws IOException {
            while (index >= end()) {
                if (!pull()) {
                    return false;
                }
            }
            return true;
        }

        private boolean startsWith(long index, byte[] prefix) throws IOException {
            if (index < first + head || !ensure(index)) {
                return false;
            }
            byte[] line = get(index);
            return line.length >= prefix.length && java.util.Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
        }

        /** The 0-based index of the first line at or after {@code from} that opens a top-level object, else -1. */
        long nextObjectStart(long from) throws IOException {
            for (long i = Math.max(from, first + head); ; i++) {
                while (i >= end()) {
                    if (!pull()) {
                        return -1;
                    }
                }
                if (get(i)[0] == '{') {
                    from(i);
                    return i;
                }
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        /** What is retained, else one more line: a parser reading a pipe gets each line as soon as it is written. */
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = 0;
            while (n < len) {
                if (cursor == end() && (n > 0 || !pull())) {
                    break;
                }
                byte[] line = get(cursor);
                int count = Math.min(len - n, line.length - offset);
                System.arraycopy(line, offset, b, off + n, count);
                n += count;
                offset += count;
                if (offset == line.length) {
                    cursor++;
                    offset = 0;
                }
            }
            return n == 0 && len > 0 ? -1 : n;
        }
    }

    private void unwrap(JsonNode value, long line, boolean firstValue) {
        if (value.isArray()) {
            for (JsonNode element : value) {
                unwrap(element, line, false);
            }
            return;
        }
        if (!value.isObject()) {
            rejected.accept(new Rejection(file, line, "not a Kubernetes object: " + KubeTime.abbreviate(value.toString())));
            return;
        }
        if ("incidents-recording".equals(JsonFields.text(value, "format"))) {
            Integer version = JsonFields.integer(value, "version");
            if (version != null && version != 1) {
                rejected.accept(new Rejection(file, line, "unsupported recording version " + version + " (this reader knows 1)"));
            }
            if (firstValue) {
                headerCluster = JsonFields.text(value, "cluster");
            }
            return;
        }
        JsonNode items = JsonFields.at(value, "items");
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                unwrap(itemOf(value, item), line, false);
            }
            return;
        }
        String type = JsonFields.text(value, "type");
        JsonNode object = JsonFields.at(value, "object");
        if (type != null && object != null && object.isObject() && JsonFields.at(value, "metadata") == null) {
            if ("BOOKMARK".equals(type) || "ERROR".equals(type)) {
                return; // watch bookkeeping: no object state in it
            }
            Instant time = null;
            String timeText = JsonFields.text(value, "time");
            if (timeText != null) {
                try {
                    time = KubeTime.parse(timeText, "time");
                } catch (MalformedObjectException e) {
                    rejected.accept(new Rejection(file, line, e.reason()));
                    return;
                }
            }
            out.accept(new RawObject(object, type, time, options.clusterOr(headerCluster), file, line));
            return;
        }
        JsonNode routed = JsonFields.at(value, "event");
        String verb = JsonFields.text(value, "verb");
        if (verb != null && routed != null && routed.isObject() && JsonFields.at(value, "metadata") == null) {
            // eventrouter's line (heptio's, OpenShift Logging's): {"verb":"ADDED|UPDATED|DELETED","event":{...}}, the
            // event before an update beside it as "old_event"
            out.accept(new RawObject(routed, "UPDATED".equals(verb) ? "MODIFIED" : verb, null,
                    options.clusterOr(headerCluster), file, line));
            return;
        }
        boolean kindless = Recordings.kindOf(value).isEmpty();
        JsonNode carried = kindless ? carried(value, ENVELOPE_DEPTH) : null;
        if (carried != null) {
            out.accept(new RawObject(carried, null, null, options.clusterOr(headerCluster), file, line));
            return;
        }
        List<ObjectNode> summarised = kindless ? PodSummaries.pods(value) : List.of();
        if (!summarised.isEmpty()) {
            Instant observed = observedAt(value);
            summarised.forEach(pod -> out.accept(new RawObject(pod, null, observed, options.clusterOr(headerCluster),
                    file, line)));
            return;
        }
        out.accept(new RawObject(value, null, null, options.clusterOr(headerCluster), file, line));
    }

    /**
     * An item of a typed List, with the kind its List names when it has none: {@code kubectl cluster-info dump} prints
     * client-go's typed lists ({@code "kind": "DeploymentList"}) whose items carry no {@code kind}.
     */
    private static JsonNode itemOf(JsonNode list, JsonNode item) {
        String listKind = list == null ? null : JsonFields.text(list, "kind");
        if (listKind != null && listKind.length() > 4 && listKind.endsWith("List") && item instanceof ObjectNode object
                && JsonFields.text(object, "kind") == null) {
            object.put("kind", listKind.substring(0, listKind.length() - 4));
        }
        return item;
    }

    /** When a summary of pods says it was taken ({@code observedAt}, {@code timestamp}); null when it does not. */
    private static Instant observedAt(JsonNode summary) {
        for (String key : new String[] {"observedAt", "timestamp", "time"}) {
            String text = JsonFields.text(summary, key);
            if (text != null) {
                try {
                    return KubeTime.parse(text, key);
                } catch (MalformedObjectException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** How deep a log pipeline's envelope may hold the object ({@code _source.kubernetes.event}: three). */
    private static final int ENVELOPE_DEPTH = 3;

    /**
     * The Event a log pipeline's entry carries in one of its fields: a Cloud Logging entry's {@code jsonPayload} (GKE's
     * events as {@code gcloud logging read --format=json} prints them), a search engine's {@code _source}; null when no
     * field within {@code depth} levels holds one. Events only: an audit log's entry carries the Pod a request created,
     * which is no observation of its state.
     */
    private static JsonNode carried(JsonNode envelope, int depth) {
        if (depth == 0) {
            return null;
        }
        for (JsonNode field : envelope) {
            if (field.isObject() && "Event".equals(Recordings.kindOf(field))) {
                return field;
            }
        }
        for (JsonNode field : envelope) {
            if (field.isObject()) {
                JsonNode deeper = carried(field, depth - 1);
                if (deeper != null) {
                    return deeper;
                }
            }
        }
        return null;
    }
}
