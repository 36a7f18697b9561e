package dev.incidents.recordings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recording in the project's own format (a header line, then {@code {"time","type","object"}} lines, see
 * {@link RecordingWriter}) held in memory as the base of a {@link ScaledRecording}: its records in event-time order
 * (a recording is written in observation order, which is not event-time order), the namespaces and node names a copy
 * renames, and, per record, the strings that differ between copies, found once.
 */
public final class BaseRecording {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The scheduler's message is where an event-only recording names a pod's node. */
    private static final Pattern ASSIGNED = Pattern.compile("^Successfully assigned \\S+/\\S+ to (\\S+)$");
    /** Fields where Kubernetes writes a pod as {@code ns/name} or {@code name_ns(uid)}. */
    private static final List<String> MESSAGE_FIELDS = List.of("message", "note");

    private final String header;
    private final List<Entry> entries;
    private final SortedSet<String> namespaces;
    private final SortedSet<String> nodes;

    /** One base record: its event time and its line, whose {@code slots} each copy fills in before writing it. */
    private record Entry(Instant time, ObjectNode line, List<Slot> slots) {
    }

    private BaseRecording(String header, List<Entry> entries, SortedSet<String> namespaces, SortedSet<String> nodes) {
        this.header = header;
        this.entries = entries;
        this.namespaces = Collections.unmodifiableSortedSet(namespaces);
        this.nodes = Collections.unmodifiableSortedSet(nodes);
    }

    public static BaseRecording read(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses a recording; {@code name} is what errors report. Unlike {@link Recordings}, which skips bad lines, this
     * throws {@link IllegalArgumentException} at the first one: a scaled recording multiplies every record, and a
     * record missing from the base would be missing a thousand times.
     */
    public static BaseRecording parse(String name, List<String> lines) {
        String header = null;
        List<ObjectNode> lineObjects = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            JsonNode value = readLine(name, i + 1, text);
            if (header == null) {
                if (!RecordingWriter.FORMAT.equals(JsonFields.text(value, "format"))) {
                    throw new IllegalArgumentException(name + ":" + (i + 1) + ": not a recording of format "
                            + RecordingWriter.FORMAT + " (its first line is the header)");
                }
                header = text.strip();
                continue;
            }
            String time = JsonFields.text(value, "time");
            if (time == null || !(value.get("object") instanceof ObjectNode)) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": a record needs a time and an object");
            }
            try {
                times.add(OffsetDateTime.parse(time.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": bad time '" + time + "'");
            }
            lineObjects.add((ObjectNode) value);
        }
        if (header == null) {
            throw new IllegalArgumentException(name + ": empty, not even a header");
        }
        SortedSet<String> namespaces = new TreeSet<>();
        SortedSet<String> nodes = new TreeSet<>();
        for (ObjectNode line : lineObjects) {
            collectNames((ObjectNode) line.get("object"), namespaces, nodes);
        }
        CopyText.Tokens tokens = CopyText.Tokens.of(nodes, namespaces);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lineObjects.size(); i++) {
            ObjectNode line = lineObjects.get(i);
            List<Slot> slots = new ArrayList<>();
            slots.add(new Slot(line, "time", -1, CopyText.time(line.get("time").asText(), times.get(i))));
            findSlots(line.get("object"), null, tokens, slots);
            entries.add(new Entry(times.get(i), line, List.copyOf(slots)));
        }
        entries.sort(Comparator.comparing(Entry::time)); // stable: records with equal times keep file order
        return new BaseRecording(header, List.copyOf(entries), namespaces, nodes);
    }

    private static JsonNode readLine(String name, int number, String text) {
        try {
            JsonNode value = JSON.readTree(text);
            if (value == null || !value.isObject()) {
                throw new IllegalArgumentException(name + ":" + number + ": not a JSON object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + ":" + number + ": not JSON: " + e.getOriginalMessage());
        }
    }

    /** The header line, as it was. */
    public String header() {
        return header;
    }

    public int size() {
        return entries.size();
    }

    /** The event time of the {@code index}-th record in event-time order. */
    public Instant time(int index) {
        return entries.get(index).time();
    }

    /** Every namespace named in a {@code namespace} field. */
    public SortedSet<String> namespaces() {
        return namespaces;
    }

    /** Every node name: Nodes, {@code spec.nodeName}, events about or reported by a node, scheduler assignments. */
    public SortedSet<String> nodes() {
        return nodes;
    }

    /**
     * The {@code index}-th record as {@code copy} writes it, one line of JSON. Synchronized because it fills the
     * base line's slots in place rather than copying the tree for every copy.
     */
    public synchronized String line(int index, RecordingCopy copy) {
        Entry entry = entries.get(index);
        for (Slot slot : entry.slots()) {
            slot.fill(copy);
        }
        try {
            return JSON.writeValueAsString(entry.line());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed record does not write back", e);
        }
    }

    private static void collectNames(ObjectNode object, SortedSet<String> namespaces, SortedSet<String> nodes) {
        collectNamespaces(object, namespaces);
        String kind = Recordings.kindOf(object);
        switch (kind) {
            case "Node" -> addIfPresent(nodes, JsonFields.text(object, "metadata", "name"));
            case "Pod" -> addIfPresent(nodes, JsonFields.text(object, "spec", "nodeName"));
            case "Event" -> {
                for (String subject : List.of("involvedObject", "regarding")) {
                    if ("Node".equals(JsonFields.text(object, subject, "kind"))) {
                        addIfPresent(nodes, JsonFields.text(object, subject, "name"));
                    }
                }
                addIfPresent(nodes, JsonFields.text(object, "source", "host"));
                addIfPresent(nodes, JsonFields.text(object, "deprecatedSource", "host"));
                // the kubelet reports as its node; other controllers as a pod or a lease holder
                if ("kubelet".equals(JsonFields.text(object, "reportingController"))) {
                    addIfPresent(nodes, JsonFields.text(object, "reportingInstance"));
                }
                for (String field : MESSAGE_FIELDS) {
                    String message = JsonFields.text(object, field);
                    Matcher assigned = message == null ? null : ASSIGNED.matcher(message);
                    if (assigned != null && assigned.matches()) {
                        nodes.add(assigned.group(1));
                    }
                }
            }
            default -> {
                // owners (ReplicaSet, Job, ...) name no node
            }
        }
    }

    private static void collectNamespaces(JsonNode node, SortedSet<String> namespaces) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("namespace") && field.getValue().isTextual()) {
                    addIfPresent(namespaces, field.getValue().asText());
                } else {
                    collectNamespaces(field.getValue(), namespaces);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectNamespaces(element, namespaces));
        }
    }

    private static void addIfPresent(SortedSet<String> names, String name) {
        if (name != null && !name.isEmpty()) {
            names.add(name);
        }
    }

    /** Every string under {@code node} that differs between copies, as a slot; {@code field} names the value. */
    private static void findSlots(JsonNode node, String field, CopyText.Tokens tokens, List<Slot> slots) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> child = fields.next();
                if (child.getValue().isTextual()) {
                    CopyText text = copyText(child.getKey(), child.getValue().asText(), tokens);
                    if (text != null) {
                        slots.add(new Slot(node, child.getKey(), -1, text));
                    }
                } else {
                    findSlots(child.getValue(), child.getKey(), tokens, slots);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                if (element.isTextual()) {
                    CopyText text = CopyText.of(element.asText(), tokens.anywhere());
                    if (text != null) {
                        slots.add(new Slot(node, field, i, text));
                    }
                } else {
                    findSlots(element, field, tokens, slots);
                }
            }
        }
    }

    private static CopyText copyText(String field, String value, CopyText.Tokens tokens) {
        if (field.equals("namespace")) {
            return value.isEmpty() ? null : CopyText.namespace(value);
        }
        return CopyText.of(value, MESSAGE_FIELDS.contains(field) ? tokens.inMessages() : tokens.anywhere());
    }

    /** A string value of a base line that a copy rewrites: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index, CopyText text) {
        void fill(RecordingCopy copy) {
            TextNode value = TextNode.valueOf(text.render(copy));
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }
}
