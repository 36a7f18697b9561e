package dev.incidents.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.recordings.fleet.FleetRecording;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming mapper gives the records the tree path gives, line for line, or leaves the line to it: every sample
 * and fixture (scenarios and real-world pastes), a generated fleet recording, and every field of real-looking objects made odd one at a time (absent,
 * null, empty, unicode, huge or fractional numbers, the wrong type, a bad timestamp), plus bad lines. Equal means
 * the same records (values, times, keys, file and line) and the same rejections, with their file and line.
 */
class StreamingMapperTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final Path SCENARIOS = Path.of("..", "analyzer", "src", "test", "resources", "scenarios");
    private static final Path REALWORLD = Path.of("..", "analyzer", "src", "test", "resources", "realworld");
    private static final Path LOGS = Path.of("src", "test", "resources", "logs");
    private static final Path OBJECTS = Path.of("src", "test", "resources", "objects");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReadOptions OPTIONS = new ReadOptions(null, Instant.parse("2025-03-14T12:00:00Z"));
    private static final String HEADER =
            "{\"format\":\"incidents-recording\",\"version\":1,\"cluster\":\"odd\",\"startedAt\":\"2025-03-14T10:00:00Z\"}";

    @TempDir
    Path dir;

    /** Records and rejections of one read, and how many lines the streaming mapper took. */
    record Read(List<Recorded> records, List<Rejection> rejections, long streamed) {
    }

    static Read read(String name, byte[] bytes, boolean streaming) {
        List<Rejection> rejections = new ArrayList<>();
        List<Recorded> records = new ArrayList<>();
        long streamed;
        try (RecordStream stream = new RecordStream(List.of(new RecordStream.Input(name,
                () -> new ByteArrayInputStream(bytes), true)), List.of(), OPTIONS, rejections::add, streaming)) {
            stream.forEachRemaining(records::add);
            streamed = stream.streamedLines();
        }
        return new Read(records, rejections, streamed);
    }

    static Read read(String name, String text, boolean streaming) {
        return read(name, text.getBytes(StandardCharsets.UTF_8), streaming);
    }

    /**
     * Records with their values as text: values come out of the reorder window decoded from Avro binary, and the
     * generated {@code equals} of a decoded snapshot cannot compare a nested array holding timestamps (Avro's default
     * model lacks the conversion); the generated {@code toString} uses the class's own model, and shows every field.
     */
    static List<String> comparable(List<Recorded> records) {
        return records.stream().map(r -> r.time() + " " + r.kind() + " " + r.key() + " " + r.file() + ":" + r.line()
                + " " + r.value()).toList();
    }

    /** Reads both ways and asserts they agree; returns the streamed read. */
    static Read bothWays(String name, byte[] bytes) {
        Read tree = read(name, bytes, false);
        Read streamed = read(name, bytes, true);
        assertThat(comparable(streamed.records())).as("records of %s", name).isEqualTo(comparable(tree.records()));
        assertThat(streamed.rejections()).as("rejections of %s", name).isEqualTo(tree.rejections());
        assertThat(tree.streamed()).isZero();
        return streamed;
    }

    @TestFactory
    Stream<DynamicTest> every_sample_fixture_and_test_log_reads_the_same_both_ways() {
        return Stream.concat(Stream.of(SAMPLES, SCENARIOS, LOGS).flatMap(StreamingMapperTest::files), walk(REALWORLD))
                .filter(file -> !file.getFileName().toString().endsWith(".yaml")
                        && !file.getFileName().toString().endsWith(".md") && !file.getFileName().toString().endsWith(".py"))
                .map(file -> dynamicTest(file.toString(), () -> bothWays(file.toString(), Files.readAllBytes(file))));
    }

    @Test
    void the_sample_recording_is_streamed_but_for_its_header_and_owners() throws IOException {
        Path sample = SAMPLES.resolve("gpu-inference-outage.jsonl");
        List<String> lines = Files.readAllLines(sample);
        long owners = lines.stream().filter(l -> l.matches(".*\"object\":\\{\"apiVersion\":\"[^\"]*\",\"kind\":\"(ReplicaSet|Deployment|Job|StatefulSet|DaemonSet)\".*")).count();

        Read streamed = bothWays(sample.toString(), Files.readAllBytes(sample));

        assertThat(streamed.streamed()).isEqualTo(lines.size() - 1 - owners);
    }

    @Test
    void a_fleet_recording_reads_the_same_both_ways_and_nearly_every_line_is_streamed() throws IOException {
        FleetRecording.Spec spec = new FleetRecording.Spec(11, 2, 4_000, Instant.parse("2025-06-02T08:00:00Z"),
                Duration.ofMinutes(20), 0.05, 10, Duration.ofMinutes(5));
        List<Path> files = new FleetRecording(spec, FleetRecording.fixturesIn(SCENARIOS, SAMPLES.resolve(
                "gpu-inference-outage.jsonl"))).writeTo(dir.resolve("fleet")).files();
        long lines = 0;
        long streamed = 0;
        for (Path file : files) {
            lines += Files.readAllLines(file).size();
            streamed += bothWays(file.toString(), Files.readAllBytes(file)).streamed();
        }
        assertThat(streamed).as("lines streamed of %d", lines).isGreaterThan(lines * 95 / 100);
    }

    /**
     * Every field of every object under {@code objects/} and of the scenario recordings' objects, made odd one at a
     * time, each variant a recording of its own (a header and one line), with and without the line's time.
     */
    @Test
    void every_field_made_odd_reads_the_same_both_ways() throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        for (Path file : files(OBJECTS).toList()) {
            objects.add((ObjectNode) JSON.readTree(file.toFile()));
        }
        for (Path file : files(SCENARIOS).filter(f -> f.toString().endsWith(".jsonl")).toList()) {
            List<String> lines = Files.readAllLines(file);
            // two lines of each: the shapes repeat
            for (String line : lines.subList(1, Math.min(lines.size(), 3))) {
                JsonNode object = JSON.readTree(line).get("object");
                if (object instanceof ObjectNode node) {
                    objects.add(node);
                }
            }
        }
        long variants = 0;
        long streamed = 0;
        for (ObjectNode object : objects) {
            for (JsonNode odd : variants(object)) {
                // each variant in one of the three wrappings, in turn
                String line = wrapped(odd).get((int) (variants++ % 3));
                streamed += bothWays("odd.jsonl", (HEADER + "\n" + line + "\n").getBytes(StandardCharsets.UTF_8))
                        .streamed();
            }
        }
        // the test proves something only if the streaming mapper took most variants itself
        assertThat(variants).isGreaterThan(5_000);
        assertThat(streamed).as("variants streamed of %d", variants).isGreaterThan(variants / 2);
    }

    @Test
    void bad_and_odd_lines_are_rejected_with_the_same_file_line_and_reason() {
        String pod = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"namespace\":\"n\"}}";
        List<String> lines = List.of(
                "{\"time\":\"2025-03-14T10:00:01Z\",\"type\":\"ADDED\",\"object\":" + pod + "}",
                "{\"time\":\"2025-03-14T10:00:02Z\",\"type\":\"ADDED\",\"object\":" + pod.substring(0, 40),
                "{\"time\":\"2025-03-14T10:00:03Z\",\"type\":\"ADDED\",\"object\":" + pod + "} trailing",
                "{\"time\":\"2025-03-14T10:00:04Z\",\"type\":\"ADDED\",\"object\":" + pod + "}{}",
                "{\"time\":\"not a time\",\"type\":\"ADDED\",\"object\":" + pod + "}",
                "{\"time\":1741946400,\"type\":\"ADDED\",\"object\":" + pod + "}",
                "{\"time\":\"2025-03-14T10:00:05Z\",\"type\":\"ADDED\",\"type\":\"DELETED\",\"object\":" + pod + "}",
                "{\"time\":\"2025-03-14T10:00:06Z\",\"type\":\"BOOKMARK\",\"object\":" + pod + "}",
                "{\"time\":\"2025-03-14T10:00:07Z\",\"type\":\"DELETED\",\"object\":" + pod + "}",
                "{\"type\":\"MODIFIED\",\"object\":" + pod + ",\"time\":\"2025-03-14T10:00:08Z\"}",
                "{\"time\":\"2025-03-14T10:00:09Z\",\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\","
                        + "\"metadata\":{\"name\":\"q\"},\"metadata\":{\"namespace\":\"other\"}}}",
                "{\"time\":\"2025-03-14T10:00:10Z\",\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"metadata\":"
                        + "{\"name\":\"r\",\"labels\":{\"a\":\"1\",\"a\":null,\"b\":\"2\",\"b\":\"3\"}}}}",
                "{\"time\":\"2025-03-14T10:00:11Z\",\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"s\"},"
                        + "\"kind\":\"Pod\"}}",
                "{\"time\":\"2025-03-14T10:00:12Z\",\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"metadata\":"
                        + "{\"name\":\"\\u00fcn\\u00efc\\u00f8d\\u00e9 \\ud83d\\ude00\"}}}",
                "{\"time\":\"2025-03-14T10:00:13Z\",\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"metadata\":{}}}",
                "{\"time\":\"2025-03-14T10:00:14Z\",\"type\":\"ADDED\",\"object\":{\"kind\":\"Event\",\"metadata\":"
                        + "{\"name\":\"e\"},\"reason\":\"BackOff\"}}",
                "{\"time\":\"2025-03-14T10:00:15Z\",\"type\":\"ADDED\",\"object\":{\"kind\":\"Node\",\"metadata\":"
                        + "{\"name\":\"n\"},\"spec\":{\"taints\":[{\"key\":\"gpu\"}]}}}",
                "{\"time\":\"2025-03-14T10:00:16Z\",\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"metadata\":"
                        + "{\"name\":\"c\"},\"spec\":{\"containers\":[{\"image\":\"x\"}]}}}",
                "{\"time\":\"2025-03-14T10:00:17Z\",\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"metadata\":"
                        + "{\"name\":\"x\"},\"status\":{\"containerStatuses\":[{\"name\":\"m\",\"restartCount\":\"many\"}]}}}",
                "[" + "{\"time\":\"2025-03-14T10:00:18Z\",\"type\":\"ADDED\",\"object\":" + pod + "}]",
                "\"just a string\"",
                "{\"time\":\"2025-03-14T10:00:19Z\",\"type\":\"ADDED\",\"object\":{\"kind\":\"ReplicaSet\",\"metadata\":"
                        + "{\"name\":\"rs\",\"namespace\":\"n\"}}}");
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        lines.forEach(line -> text.append(line).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBadUtf8 = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, withBadUtf8, 0, bytes.length);
        withBadUtf8[bytes.length] = (byte) 0xC3;
        withBadUtf8[bytes.length + 1] = (byte) 0x28;
        withBadUtf8[bytes.length + 2] = '\n';

        Read read = bothWays("odd.jsonl", withBadUtf8);

        // truncated, bad or numeric time, metadata given twice (the second has no name), no name, an Event without
        // involvedObject, a taint without effect, a container without name, a text restart count, a string, bad UTF-8
        assertThat(read.rejections()).extracting(Rejection::line)
                .containsExactly(3L, 6L, 7L, 12L, 16L, 17L, 18L, 19L, 20L, 22L, 24L);
        // what follows a complete value is not read (as Jackson's readTree), a type given twice counts the last
        assertThat(read.records()).extracting(Recorded::line)
                .containsExactlyInAnyOrder(2L, 4L, 5L, 8L, 10L, 11L, 13L, 14L, 15L, 21L);
        assertThat(read.streamed()).isPositive();
    }

    // ---------------------------------------------------------------- odd variants

    private static final List<JsonNode> ODD_VALUES = List.of(
            JsonNodeFactory.instance.nullNode(),
            JsonNodeFactory.instance.textNode(""),
            JsonNodeFactory.instance.textNode("ünïcødé ✓ \uD83D\uDE00 \"quoted\"\n"),
            JsonNodeFactory.instance.textNode(" 42 "),
            JsonNodeFactory.instance.textNode("TRUE"),
            JsonNodeFactory.instance.textNode("2025-13-45T99:99:99Z"),
            JsonNodeFactory.instance.textNode("2025-03-14T10:00:00.123456+01:00"),
            JsonNodeFactory.instance.numberNode(7),
            JsonNodeFactory.instance.numberNode(-9_876_543_210L),
            JsonNodeFactory.instance.numberNode(new BigInteger("123456789012345678901234567890")),
            JsonNodeFactory.instance.numberNode(1.5),
            JsonNodeFactory.instance.booleanNode(true),
            JsonNodeFactory.instance.objectNode(),
            JsonNodeFactory.instance.arrayNode().add("a").add(3).addNull());

    /** The object with each field, in turn, removed or replaced by each odd value (arrays: each element too). */
    static List<JsonNode> variants(ObjectNode object) {
        List<JsonNode> variants = new ArrayList<>();
        variants.add(object);
        collect(object, object, variants);
        return variants;
    }

    private static void collect(ObjectNode root, JsonNode node, List<JsonNode> variants) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode original = object.get(name);
                object.remove(name);
                variants.add(root.deepCopy());
                for (JsonNode odd : ODD_VALUES) {
                    object.set(name, odd);
                    variants.add(root.deepCopy());
                }
                // restore in place (the field keeps its position: kind stays before metadata)
                object.set(name, original);
                reorder(object, names);
                collect(root, original, variants);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode original = array.get(i);
                for (JsonNode odd : List.of(JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.textNode("x"),
                        JsonNodeFactory.instance.numberNode(1))) {
                    array.set(i, odd);
                    variants.add(root.deepCopy());
                }
                array.set(i, original);
                collect(root, original, variants);
            }
        }
    }

    private static void reorder(ObjectNode object, List<String> names) {
        Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
        for (String name : names) {
            fields.put(name, object.get(name));
        }
        object.removeAll();
        fields.forEach(object::set);
    }

    /** The object as watch lines: with a time, without one, and deleted. */
    static List<String> wrapped(JsonNode object) {
        String json = object.toString();
        return List.of("{\"time\":\"2025-03-14T10:00:00.5Z\",\"type\":\"MODIFIED\",\"object\":" + json + "}",
                "{\"type\":\"ADDED\",\"object\":" + json + "}",
                "{\"time\":\"2025-03-14T10:00:01Z\",\"type\":\"DELETED\",\"object\":" + json + "}");
    }

    /** Every file below {@code dir} (the real-world fixtures sit in a folder per category). */
    static Stream<Path> walk(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> files(Path dir) {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.filter(Files::isRegularFile).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
