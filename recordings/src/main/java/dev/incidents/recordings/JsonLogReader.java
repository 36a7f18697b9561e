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
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Formats 1 to 4 of DESIGN.md section 6, told apart by content:
 * <ul>
 *   <li>JSON Lines (an event exporter's output, our recordings, {@code --output-watch-events} compact lines): the
 *       first non-blank line is a complete JSON value on its own. Each line is read alone, so one bad line is one
 *       rejection;</li>
 *   <li>otherwise a stream of concatenated JSON values ({@code kubectl get -o json} Lists, pretty-printed
 *       {@code kubectl get -w -o json} output). After a syntax error the reader resumes at the next line that
 *       starts with <code>{</code> in column 0, where kubectl starts every top-level object.</li>
 * </ul>
 * Each value is then unwrapped: our header line, {@code {type, object}} watch wrappers (with our {@code time}),
 * {@code List}/{@code EventList}/... {@code items}, JSON arrays, or a bare object.
 */
final class JsonLogReader {
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build());

    private final String file;
    private final ReadOptions options;
    private final Consumer<RawObject> out;
    private final Consumer<Rejection> rejected;
    private String headerCluster;

    JsonLogReader(String file, ReadOptions options, Consumer<RawObject> out, Consumer<Rejection> rejected) {
        this.file = file;
        this.options = options;
        this.out = out;
        this.rejected = rejected;
    }

    /** True when the text looks like JSON at all (first non-blank character opens an object or array). */
    static boolean looksLikeJson(List<String> lines) {
        for (String line : lines) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                return trimmed.charAt(0) == '{' || trimmed.charAt(0) == '[';
            }
        }
        return false;
    }

    void read(List<String> lines) {
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            return;
        }
        if (parsesAlone(lines.get(first))) {
            readLines(lines);
        } else {
            readStream(lines, first);
        }
    }

    private static boolean parsesAlone(String line) {
        try {
            MAPPER.readTree(line);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private void readLines(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode value;
            try {
                value = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                rejected.accept(new Rejection(file, i + 1, "not JSON: " + e.getOriginalMessage()));
                continue;
            }
            unwrap(value, i + 1, i == firstNonBlank(lines));
        }
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private void readStream(List<String> lines, int from) {
        int start = from;
        boolean firstValue = true;
        while (start < lines.size()) {
            String rest = String.join("\n", lines.subList(start, lines.size()));
            int errorLine;
            try (JsonParser parser = MAPPER.createParser(rest)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    long line = start + parser.currentTokenLocation().getLineNr();
                    if (token == JsonToken.START_OBJECT) {
                        readTopObject(parser, start, line, firstValue);
                    } else {
                        JsonNode value = MAPPER.readTree(parser);
                        unwrap(value, line, firstValue);
                    }
                    firstValue = false;
                }
                return;
            } catch (JsonProcessingException e) {
                errorLine = start + (e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr()));
                rejected.accept(new Rejection(file, errorLine, "not JSON: " + e.getOriginalMessage()));
            } catch (IOException e) {
                rejected.accept(new Rejection(file, start + 1, "unreadable: " + e.getMessage()));
                return;
            }
            // the error may sit on the line that opens the next object (an unclosed one before it): resume there
            start = nextObjectStart(lines, Math.max(errorLine - 1, start + 1));
            firstValue = false;
        }
    }

    /** The 0-based index of the first line at or after index {@code from} that opens a top-level object. */
    private static int nextObjectStart(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{")) {
                return i;
            }
        }
        return lines.size();
    }

    /**
     * Reads one top-level object field by field so that the items of a List keep their own line numbers (a
     * 10 000-event List should not report every rejection at line 1).
     */
    private void readTopObject(JsonParser parser, int base, long line, boolean firstValue) throws IOException {
        ObjectNode object = MAPPER.createObjectNode();
        boolean hadItems = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("items".equals(field) && value == JsonToken.START_ARRAY) {
                hadItems = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    long itemLine = base + parser.currentTokenLocation().getLineNr();
                    unwrap(MAPPER.readTree(parser), itemLine, false);
                }
            } else {
                object.set(field, MAPPER.readTree(parser));
            }
        }
        if (!hadItems) {
            unwrap(object, line, firstValue);
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
                unwrap(item, line, false);
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
        out.accept(new RawObject(value, null, null, options.clusterOr(headerCluster), file, line));
    }
}
