package dev.incidents.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The data files other modules replay (the demo recording under {@code ../samples/}, the scenario fixtures under
 * {@code ../analyzer/src/test/resources/scenarios/}) are well-formed for the format their name claims, so a broken
 * fixture fails here, with its file and line, and not as a puzzling analyzer result.
 */
class SampleFilesTest {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final Path SCENARIOS = Path.of("..", "analyzer", "src", "test", "resources", "scenarios");
    private static final Set<String> WATCH_TYPES = Set.of("ADDED", "MODIFIED", "DELETED");

    // Strict: one document per .json file, duplicate keys are an error (Kubernetes never emits them).
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectMapper WATCH = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final YAMLMapper YAML = new YAMLMapper();

    @TestFactory
    Stream<DynamicTest> every_data_file_parses_as_the_format_its_name_claims() {
        return Stream.concat(files(SAMPLES), files(SCENARIOS))
                .filter(SampleFilesTest::isData)
                .map(file -> dynamicTest(file.toString(), () -> checkWellFormed(file)));
    }

    @TestFactory
    Stream<DynamicTest> every_recording_has_its_header_and_times_in_order() {
        return Stream.concat(files(SAMPLES), files(SCENARIOS))
                .filter(file -> file.toString().endsWith(".jsonl"))
                .filter(SampleFilesTest::hasRecordingHeader)
                .map(file -> dynamicTest(file.toString(), () -> checkRecording(file)));
    }

    @TestFactory
    Stream<DynamicTest> every_json_lines_file_keeps_uids_and_event_counts_consistent() {
        return Stream.concat(files(SAMPLES), files(SCENARIOS))
                .filter(file -> file.toString().endsWith(".jsonl"))
                .map(file -> dynamicTest(file.toString(), () -> checkConsistency(file)));
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_has_a_sidecar_with_source_root_cause_and_expectations() {
        return files(SCENARIOS)
                .filter(file -> file.getFileName().toString().endsWith(".expect.yaml"))
                .map(file -> dynamicTest(file.toString(), () -> checkSidecar(file)));
    }

    @Test
    void every_scenario_input_has_a_sidecar() {
        List<String> bases = files(SCENARIOS)
                .map(file -> file.getFileName().toString())
                .filter(name -> name.endsWith(".expect.yaml"))
                .map(name -> name.substring(0, name.length() - ".expect.yaml".length()))
                .toList();
        List<String> orphans = files(SCENARIOS)
                .filter(SampleFilesTest::isData)
                .filter(file -> !file.getFileName().toString().endsWith(".expect.yaml"))
                .filter(file -> bases.stream().noneMatch(base -> file.getFileName().toString().startsWith(base + ".")))
                .map(Path::toString)
                .toList();
        assertThat(orphans).as("scenario inputs without <name>.expect.yaml").isEmpty();
    }

    @Test
    void the_demo_recording_is_bundled_with_its_expectations() {
        assertThat(SAMPLES.resolve("gpu-inference-outage.jsonl")).isRegularFile();
        assertThat(SAMPLES.resolve("gpu-inference-outage.expect.yaml")).isRegularFile();
        assertThat(hasRecordingHeader(SAMPLES.resolve("gpu-inference-outage.jsonl"))).isTrue();
    }

    private static void checkWellFormed(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".jsonl")) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines).as("%s is empty", file).isNotEmpty();
            for (int i = 0; i < lines.size(); i++) {
                JsonNode node = parseLine(file, i + 1, lines.get(i));
                assertThat(node.isObject()).as("%s:%d is not a JSON object", file, i + 1).isTrue();
            }
        } else if (name.endsWith(".watch.json")) {
            // kubectl get -w -o json: pretty-printed documents one after the other, with or without {type, object}
            int documents = 0;
            try (MappingIterator<JsonNode> it = WATCH.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (it.hasNext()) {
                    JsonNode document = it.next();
                    JsonNode object = document.has("object") ? document.get("object") : document;
                    assertThat(object.path("kind").asText()).as("%s: document %d has a kind", file, documents + 1).isNotEmpty();
                    if (document.has("object")) {
                        assertThat(WATCH_TYPES).as("%s: document %d type", file, documents + 1).contains(document.path("type").asText());
                    }
                    documents++;
                }
            }
            assertThat(documents).as("%s has no documents", file).isPositive();
        } else if (name.endsWith(".json")) {
            JsonNode root = JSON.readTree(file.toFile());
            assertThat(root.path("kind").asText()).as("%s: kind", file).isNotEmpty();
            if (root.has("items")) {
                for (JsonNode item : root.get("items")) {
                    assertThat(item.path("kind").asText()).as("%s: every item has a kind", file).isNotEmpty();
                    assertThat(item.path("apiVersion").asText()).as("%s: every item has an apiVersion", file).isNotEmpty();
                }
            }
        } else if (name.endsWith(".yaml")) {
            assertThat(YAML.readTree(file.toFile()).isObject()).as("%s is a YAML mapping", file).isTrue();
        } else if (name.endsWith(".describe.txt")) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            boolean describeEvents = text.matches("(?s).*(?m:^Events:\\s*$).*")
                    && text.matches("(?s).*(?m:^\\s+Type\\s+Reason\\s+Age\\s+From\\s+Message\\s*$).*");
            boolean getEventsTable = text.matches("(?s)(?:NAMESPACE\\s+)?LAST SEEN\\s+TYPE\\s+REASON\\s+OBJECT\\s+MESSAGE\\s*\\n.*");
            assertThat(describeEvents || getEventsTable)
                    .as("%s is neither kubectl describe text with an Events: table nor kubectl get events lines", file).isTrue();
        } else if (name.endsWith(".pods.txt")) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text.lines().anyMatch(line -> PodsTable.HEADER.matcher(line).matches()))
                    .as("%s has no kubectl get pods table (NAME READY STATUS RESTARTS AGE)", file).isTrue();
        }
    }

    private static void checkRecording(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        JsonNode header = parseLine(file, 1, lines.get(0));
        assertThat(header.path("version").asInt()).as("%s: header version", file).isEqualTo(1);
        assertThat(header.path("cluster").asText()).as("%s: header cluster", file).isNotBlank();
        Instant previous = Instant.parse(header.path("startedAt").asText());
        for (int i = 1; i < lines.size(); i++) {
            int lineNo = i + 1;
            JsonNode record = parseLine(file, lineNo, lines.get(i));
            Instant time = Instant.parse(record.path("time").asText());
            assertThat(time).as("%s:%d: time goes backwards", file, lineNo).isAfterOrEqualTo(previous);
            previous = time;
            assertThat(WATCH_TYPES).as("%s:%d: type", file, lineNo).contains(record.path("type").asText());
            JsonNode object = record.path("object");
            assertThat(object.path("kind").asText()).as("%s:%d: object.kind", file, lineNo).isNotEmpty();
            assertThat(object.path("apiVersion").asText()).as("%s:%d: object.apiVersion", file, lineNo).isNotEmpty();
            assertThat(object.path("metadata").path("name").asText()).as("%s:%d: object.metadata.name", file, lineNo).isNotEmpty();
            // RECORDING-FORMAT.md: what must never be stored.
            assertThat(object.path("metadata").has("managedFields")).as("%s:%d: managedFields stored", file, lineNo).isFalse();
            assertThat(object.path("metadata").path("annotations")
                    .has("kubectl.kubernetes.io/last-applied-configuration"))
                    .as("%s:%d: last-applied-configuration stored", file, lineNo).isFalse();
        }
    }

    /**
     * What a real API server guarantees and a hand-written fixture easily breaks: a uid names one object for ever, a
     * repeated Event keeps its uid while its count and last time only grow, an Event about a Pod carries that Pod's uid.
     */
    private static void checkConsistency(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, String> identityByUid = new HashMap<>();
        Map<String, String> podUids = new HashMap<>();
        Map<String, Long> lastCount = new HashMap<>();
        Map<String, String> lastSeen = new HashMap<>();
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = parseLine(file, i + 1, lines.get(i));
            if (line.has("format")) {
                continue;
            }
            JsonNode object = line.has("object") ? line.get("object") : line;
            JsonNode metadata = object.path("metadata");
            String uid = metadata.path("uid").asText();
            String identity = object.path("apiVersion").asText() + "/" + object.path("kind").asText() + "/"
                    + metadata.path("namespace").asText() + "/" + metadata.path("name").asText();
            if (!uid.isEmpty()) {
                String earlier = identityByUid.putIfAbsent(uid, identity);
                assertThat(earlier == null || earlier.equals(identity))
                        .as("%s:%d: uid %s names %s and %s", file, i + 1, uid, earlier, identity).isTrue();
            }
            if ("Pod".equals(object.path("kind").asText())) {
                podUids.put(metadata.path("namespace").asText() + "/" + metadata.path("name").asText(), uid);
            }
            if ("Event".equals(object.path("kind").asText())) {
                events.add(object);
                long count = object.has("series") ? object.path("series").path("count").asLong()
                        : object.path("count").asLong(1);
                String seen = firstText(object.path("series").path("lastObservedTime"), object.path("lastTimestamp"),
                        object.path("eventTime"));
                Long previousCount = lastCount.put(uid, count);
                String previousSeen = lastSeen.put(uid, seen);
                assertThat(previousCount == null || previousCount <= count)
                        .as("%s:%d: event %s count goes down", file, i + 1, metadata.path("name").asText()).isTrue();
                assertThat(previousSeen == null || Instant.parse(previousSeen).compareTo(Instant.parse(seen)) <= 0)
                        .as("%s:%d: event %s last time goes back", file, i + 1, metadata.path("name").asText()).isTrue();
            }
        }
        for (JsonNode event : events) {
            JsonNode about = event.has("involvedObject") ? event.get("involvedObject") : event.path("regarding");
            String pod = about.path("namespace").asText() + "/" + about.path("name").asText();
            if ("Pod".equals(about.path("kind").asText()) && podUids.containsKey(pod)) {
                assertThat(about.path("uid").asText()).as("%s: event %s about pod %s", file,
                        event.path("metadata").path("name").asText(), pod).isEqualTo(podUids.get(pod));
            }
        }
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isTextual() && !candidate.asText().isEmpty()) {
                return candidate.asText();
            }
        }
        throw new AssertionError("event without any timestamp");
    }

    private static void checkSidecar(Path file) throws IOException {
        JsonNode sidecar = YAML.readTree(file.toFile());
        assertThat(sidecar.path("source").asText()).as("%s: source", file).isNotBlank();
        assertThat(sidecar.path("rootCause").asText()).as("%s: rootCause", file).isNotBlank();
        assertThat(sidecar.path("expect").isArray()).as("%s: expect is a list", file).isTrue();
        List<String> categories = new ArrayList<>();
        sidecar.path("expect").forEach(entry -> categories.add(entry.path("category").asText()));
        sidecar.path("allowOther").forEach(entry -> categories.add(entry.asText()));
        assertThat(categories).as("%s: categories are DESIGN.md section 4 constants", file)
                .allMatch(category -> category.matches("[A-Z][A-Z_]+"));
        sidecar.path("expect").forEach(entry -> {
            String status = entry.path("status").asText("OPEN");
            assertThat(status).as("%s: status", file).isIn("OPEN", "UPDATED", "RESOLVED");
        });
        if (sidecar.has("now")) {
            assertThat(Instant.parse(sidecar.get("now").asText())).as("%s: now", file).isNotNull();
        }
        String base = file.getFileName().toString().replace(".expect.yaml", "");
        try (Stream<Path> inputs = Files.list(file.getParent())) {
            assertThat(inputs.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".expect.yaml"))
                    .anyMatch(n -> n.startsWith(base + ".")))
                    .as("%s: no input file %s.*", file, base).isTrue();
        }
    }

    private static JsonNode parseLine(Path file, int lineNo, String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(file + ":" + lineNo + ": not JSON: " + e.getMessage(), e);
        }
    }

    private static boolean hasRecordingHeader(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            String first = lines.findFirst().orElse("");
            return "incidents-recording".equals(JSON.readTree(first).path("format").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isData(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".yaml") || name.endsWith(".describe.txt")
                || name.endsWith(".pods.txt");
    }

    private static Stream<Path> files(Path dir) {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(Files::isRegularFile).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
