package dev.incidents.recordings.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.recordings.BaseRecording;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded fixture in any JSON format of DESIGN.md section 6 (a {@code List}, concatenated or {@code --watch}
 * objects, JSON Lines, the project's recordings) turned into a {@link BaseRecording} of the project's format under a
 * cluster of the fleet, every timestamp moved by the same amount so that the fixture starts at {@code start}: its
 * Kubernetes messages stay verbatim and the times between its records stay what they were, so it still shows the
 * failure (or the healthy lifecycle) it was recorded for. Describe text is not JSON and is not read here.
 */
final class FixtureRecording {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TIMESTAMP = Pattern.compile("(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)(\\.\\d+)?Z");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

    private FixtureRecording() {
    }

    /** One object of the fixture and the time it was observed. */
    private record Observed(Instant time, String type, ObjectNode object) {
    }

    static boolean readable(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".jsonl");
    }

    static BaseRecording read(Path file, String cluster, Instant start) {
        List<Observed> observed = new ArrayList<>();
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(Files.newBufferedReader(file))) {
            while (values.hasNextValue()) {
                collect(values.nextValue(), null, null, observed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fixture " + file + ": " + e.getMessage(), e);
        }
        if (observed.isEmpty()) {
            throw new IllegalArgumentException(file + ": no Kubernetes object in it");
        }
        Instant first = observed.stream().map(Observed::time).min(Comparator.naturalOrder()).orElseThrow();
        Duration shift = Duration.between(first, start);
        List<String> lines = new ArrayList<>();
        lines.add("{\"format\":\"incidents-recording\",\"version\":1,\"cluster\":\"" + cluster + "\",\"startedAt\":\"" + start + "\"}");
        for (Observed o : observed) {
            ObjectNode line = JSON.createObjectNode();
            line.put("time", o.time().toString()); // moved below with every other timestamp
            line.put("type", o.type());
            line.set("object", o.object());
            lines.add(moved(write(line), shift));
        }
        return BaseRecording.parse(file.toString(), lines);
    }

    /**
     * The first Node of {@code source} observed {@code count} times, {@code every} apart from {@code start}: the node
     * status updates a kubelet sends when nothing changes (every 5 minutes by default since Kubernetes 1.17).
     */
    static BaseRecording heartbeats(Path source, String cluster, Instant start, Duration every, int count) {
        List<Observed> observed = new ArrayList<>();
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(Files.newBufferedReader(source))) {
            while (values.hasNextValue() && observed.isEmpty()) {
                collect(values.nextValue(), null, null, observed);
                observed.removeIf(o -> !"Node".equals(o.object().path("kind").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if (observed.isEmpty()) {
            throw new IllegalArgumentException(source + ": no Node to send heartbeats");
        }
        Observed node = observed.get(0);
        List<String> lines = new ArrayList<>();
        lines.add("{\"format\":\"incidents-recording\",\"version\":1,\"cluster\":\"" + cluster + "\",\"startedAt\":\"" + start + "\"}");
        for (int i = 0; i < count; i++) {
            Duration shift = Duration.between(node.time(), start.plus(every.multipliedBy(i)));
            ObjectNode line = JSON.createObjectNode();
            line.put("time", node.time().toString());
            line.put("type", "MODIFIED");
            line.set("object", node.object());
            lines.add(moved(write(line), shift));
        }
        return BaseRecording.parse(source + " (heartbeats)", lines);
    }

    private static void collect(JsonNode value, Instant lineTime, String type, List<Observed> out) {
        if (!value.isObject() || value.has("format")) {
            return; // a recording's header
        }
        if (value.has("items") && value.get("items").isArray()) {
            value.get("items").forEach(item -> collect(item, null, null, out));
            return;
        }
        if (value.has("object") && !value.has("metadata")) {
            collect(value.get("object"), value.hasNonNull("time") ? Instant.parse(value.get("time").asText()) : null,
                    value.path("type").asText("MODIFIED"), out);
            return;
        }
        if (!value.has("kind") || !List.of("Event", "Pod", "Node", "ReplicaSet", "Deployment", "StatefulSet", "Job",
                "DaemonSet").contains(value.get("kind").asText())) {
            return;
        }
        Instant time = lineTime != null ? lineTime : objectTime((ObjectNode) value);
        if (time != null) {
            out.add(new Observed(time, type != null ? type : "MODIFIED", (ObjectNode) value));
        }
    }

    /** An Event's own time; for anything else the latest timestamp in it (a status change is the newest thing in it). */
    private static Instant objectTime(ObjectNode object) {
        if ("Event".equals(object.path("kind").asText())) {
            for (String field : List.of("lastTimestamp", "eventTime", "firstTimestamp")) {
                if (object.hasNonNull(field)) {
                    return parse(object.get(field).asText());
                }
            }
            if (object.at("/series/lastObservedTime").isTextual()) {
                return parse(object.at("/series/lastObservedTime").asText());
            }
        }
        Instant latest = null;
        Matcher m = TIMESTAMP.matcher(object.toString());
        while (m.find()) {
            Instant t = parse(m.group());
            latest = latest == null || t.isAfter(latest) ? t : latest;
        }
        return latest;
    }

    /** Every timestamp of the line moved by {@code shift}, written with the precision it had. */
    private static String moved(String line, Duration shift) {
        return TIMESTAMP.matcher(line).replaceAll(m -> {
            Instant t = parse(m.group()).plus(shift);
            return m.group(2) == null ? SECONDS.format(t) + "Z" : t.toString();
        });
    }

    private static Instant parse(String text) {
        return Instant.parse(text);
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
