package dev.incidents.recordings.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.recordings.BaseRecording;
import dev.incidents.recordings.PodGroupObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** A Pod's default {@code terminationGracePeriodSeconds}. */
    private static final Duration GRACE = Duration.ofSeconds(30);
    /** The cluster autoscaler's default {@code --scale-down-unneeded-time}: how long a node stays empty before it goes. */
    private static final Duration SCALE_DOWN_UNNEEDED = Duration.ofMinutes(10);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

    /** The kinds a copy keeps besides the gang objects ({@link PodGroupObjects#isGangObject}). */
    private static final List<String> COPIED_KINDS = List.of("Event", "Pod", "Node", "ReplicaSet", "Deployment",
            "StatefulSet", "Job", "DaemonSet");

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
        observed.addAll(ends(observed, afterwards(file)));
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
     * How a copy's objects end, as in a cluster that churns at a steady size, where every Pod created is deleted in
     * the end and every Node the autoscaler adds is removed again: each Pod the fixture shows and does not delete
     * itself is deleted {@code after} its last record (a finished Job's pods at its {@code ttlSecondsAfterFinished},
     * a ReplicaSet's old pods at the next rollout, surplus pods at a scale-down), gracefully, as the API server does
     * it (the object with {@code deletionTimestamp} set, then {@code DELETED} 30 s later, the default grace period);
     * each Node it shows is deleted 10 minutes after that, once empty (the cluster autoscaler's default
     * {@code --scale-down-unneeded-time}). A copy's objects then live a bounded time whatever the recording's length,
     * so a longer recording of the fleet holds as many live objects at once as a shorter one, as a real cluster does.
     * The fleet's heartbeating nodes are its fixed pool and are not made here.
     */
    static List<Observed> ends(List<Observed> observed, Duration after) {
        Instant end = observed.stream().map(Observed::time).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, Observed> lastPods = new LinkedHashMap<>();
        Map<String, Observed> lastNodes = new LinkedHashMap<>();
        for (Observed o : observed) {
            String kind = o.object().path("kind").asText();
            JsonNode metadata = o.object().path("metadata");
            Map<String, Observed> last = "Pod".equals(kind) ? lastPods : "Node".equals(kind) ? lastNodes : null;
            if (last != null) {
                last.merge(metadata.path("namespace").asText() + "/" + metadata.path("name").asText(), o,
                        (before, now) -> now.time().isBefore(before.time()) ? before : now);
            }
        }
        Instant terminating = end.plus(after);
        Instant deleted = terminating.plus(GRACE);
        List<Observed> ends = new ArrayList<>();
        for (Observed pod : lastPods.values()) {
            if (!"DELETED".equals(pod.type())) {
                ObjectNode object = pod.object().deepCopy();
                ObjectNode metadata = (ObjectNode) object.get("metadata");
                metadata.put("deletionTimestamp", SECONDS.format(deleted) + "Z");
                metadata.put("deletionGracePeriodSeconds", GRACE.toSeconds());
                ends.add(new Observed(terminating, "MODIFIED", object));
                ends.add(new Observed(deleted, "DELETED", object));
            }
        }
        for (Observed node : lastNodes.values()) {
            if (!"DELETED".equals(node.type())) {
                ends.add(new Observed(deleted.plus(SCALE_DOWN_UNNEEDED), "DELETED", node.object()));
            }
        }
        return ends;
    }

    /**
     * How long a fixture's objects outlive its last record: 16 to 75 minutes, by the fixture's name (deterministic,
     * and spread over the fixtures). Longer than the analyzer's default quiet period (15 min), so a copy's failure
     * still ends as its fixture recorded it, and the deletes take away what is left.
     */
    static Duration afterwards(Path fixture) {
        return Duration.ofMinutes(16 + Math.floorMod(fixture.getFileName().toString().hashCode(), 60));
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
        if (!value.has("kind") || !COPIED_KINDS.contains(value.get("kind").asText())
                && !PodGroupObjects.isGangObject(value.path("apiVersion").asText(), value.get("kind").asText())) {
            return; // a gang's PodGroup or Kueue Workload is copied too: without it a gang's size is its members'
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
