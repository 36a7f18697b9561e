package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.incidents.recordings.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScaledRecordingTest {
    /** The bundled demo recording: 517 records, written in observation order, not event-time order. */
    private static final Path SAMPLE = Path.of("..", "samples", "gpu-inference-outage.jsonl");
    private static final Duration SHIFT = Duration.ofSeconds(3);

    private static BaseRecording sampleBase;

    /** Read once: parsing the base is most of the cost of a few copies. */
    private static synchronized BaseRecording sample() {
        if (sampleBase == null) {
            try {
                sampleBase = BaseRecording.read(SAMPLE);
            } catch (IOException e) {
                throw new AssertionError("the sample recording is missing", e);
            }
        }
        return sampleBase;
    }

    @Test
    void writesEveryRecordOfEveryCopyInEventTimeOrderUnderTheBaseHeader() {
        BaseRecording base = sample();
        List<String> lines = ScaledRecording.of(base, CopyLayout.evenlySpaced(5, SHIFT)).text().lines().toList();

        assertThat(base.size()).isEqualTo(517);
        assertThat(lines).hasSize(1 + 5 * 517);
        assertThat(lines.get(0)).isEqualTo(base.header());
        List<Instant> times = lines.stream().skip(1).map(l -> Instant.parse(parse(l).get("time").asText())).toList();
        assertThat(times).isSorted();
    }

    @Test
    void copyZeroAloneReadsAsTheBaseRecording() throws IOException {
        String copyZero = ScaledRecording.of(sample(), CopyLayout.evenlySpaced(20, SHIFT)).only(0).text();

        assertThat(records(Recordings.read("copy-0", copyZero, options(), rejectNothing())))
                .containsExactlyElementsOf(records(Recordings.read(List.of(SAMPLE), options(), rejectNothing())));
    }

    @Test
    void everyCopyHasItsOwnNamespacesNodesAndUids() {
        BaseRecording base = sample();
        List<JsonNode> copy3 = body(ScaledRecording.of(base, CopyLayout.evenlySpaced(5, SHIFT)).only(3).text());
        List<String> texts = copy3.stream().map(JsonNode::toString).toList();

        assertThat(base.nodes()).contains("ip-10-0-1-149.ec2.internal").doesNotContain(
                "default-scheduler-ip-172-16-77-14.ec2.internal"); // a scheduler instance is not a node
        assertThat(copy3).allSatisfy(line -> {
            JsonNode object = line.get("object");
            assertThat(object.findValuesAsText("namespace")).allMatch(ns -> ns.endsWith("-c3"));
            assertThat(object.findValuesAsText("nodeName")).allMatch(node -> node.endsWith("-c3.ec2.internal"));
            // the kubelet gives the events about its Node the node's name as involvedObject.uid
            assertThat(object.findValuesAsText("uid"))
                    .allMatch(uid -> uid.startsWith("00000003-") || uid.endsWith("-c3.ec2.internal"));
        });
        for (String node : base.nodes()) {
            Pattern baseName = Pattern.compile("(?<![\\w.-])" + Pattern.quote(node) + "(?![\\w-])");
            assertThat(texts).noneMatch(t -> baseName.matcher(t).find());
        }
        assertThat(texts).filteredOn(t -> t.contains("Successfully assigned"))
                .isNotEmpty().allMatch(t -> t.matches(".*Successfully assigned [a-z-]+-c3/\\S+ to ip-[0-9-]+-c3\\.ec2\\.internal.*"));
        assertThat(texts).filteredOn(t -> t.contains("restarting failed container"))
                .isNotEmpty().allMatch(t -> t.matches(".*_inference-c3\\(00000003-.*"));
        // renaming keeps distinct objects distinct
        assertThat(distinct(copy3, "uid")).hasSameSizeAs(distinct(body(ScaledRecording.of(base,
                CopyLayout.evenlySpaced(1, SHIFT)).text()), "uid"));
    }

    @Test
    void aCopyMovesEveryTimestampByItsOffsetAndKeepsTheirPrecision() {
        BaseRecording base = BaseRecording.parse("tiny", List.of(
                "{\"format\":\"incidents-recording\",\"version\":1,\"cluster\":\"c\"}",
                "{\"time\":\"2025-03-14T10:00:00Z\",\"type\":\"ADDED\",\"object\":{\"kind\":\"Event\","
                        + "\"metadata\":{\"name\":\"e\",\"namespace\":\"web\"},\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"p\"},"
                        + "\"lastTimestamp\":\"2025-03-14T10:00:00Z\",\"eventTime\":\"2025-03-14T10:00:00.123456Z\"}}"));

        JsonNode halfSecondLater = parse(base.line(0, new RecordingCopy(1, Duration.ofMillis(1500))));
        assertThat(halfSecondLater.get("time").asText()).isEqualTo("2025-03-14T10:00:01.500Z");
        assertThat(halfSecondLater.at("/object/lastTimestamp").asText()).isEqualTo("2025-03-14T10:00:01.500Z");
        assertThat(halfSecondLater.at("/object/eventTime").asText()).isEqualTo("2025-03-14T10:00:01.623456Z");
        JsonNode threeSecondsLater = parse(base.line(0, new RecordingCopy(1, SHIFT)));
        assertThat(threeSecondsLater.at("/object/lastTimestamp").asText()).isEqualTo("2025-03-14T10:00:03Z");
        assertThat(threeSecondsLater.at("/object/metadata/namespace").asText()).isEqualTo("web-c1");
    }

    @Test
    void nodeNamesOfAnyProviderAreRenamedAsWholeNames() {
        BaseRecording base = BaseRecording.parse("gke", List.of(
                "{\"format\":\"incidents-recording\",\"version\":1,\"cluster\":\"c\"}",
                "{\"time\":\"2025-03-14T10:00:00Z\",\"type\":\"ADDED\",\"object\":{\"kind\":\"Event\","
                        + "\"metadata\":{\"name\":\"gke-pool-1-abc.17f2\",\"namespace\":\"default\"},"
                        + "\"involvedObject\":{\"kind\":\"Node\",\"name\":\"gke-pool-1-abc\"},"
                        + "\"message\":\"Node gke-pool-1-abc status is now: NodeNotReady\","
                        + "\"reportingController\":\"node-controller\",\"reportingInstance\":\"node-controller-gke-pool-1-abc\"}}"));

        JsonNode copy = parse(base.line(0, new RecordingCopy(2, SHIFT)));
        assertThat(copy.at("/object/involvedObject/name").asText()).isEqualTo("gke-pool-1-abc-c2");
        assertThat(copy.at("/object/metadata/name").asText()).isEqualTo("gke-pool-1-abc-c2.17f2");
        assertThat(copy.at("/object/message").asText()).isEqualTo("Node gke-pool-1-abc-c2 status is now: NodeNotReady");
        assertThat(copy.at("/object/reportingInstance").asText()).isEqualTo("node-controller-gke-pool-1-abc");
    }

    @Test
    void theMergeIsTheCopiesAloneInterleaved() {
        BaseRecording base = sample();
        CopyLayout layout = CopyLayout.evenlySpaced(4, SHIFT).withJitter(11, Duration.ofSeconds(5));
        List<String> merged = body(ScaledRecording.of(base, layout).text()).stream().map(JsonNode::toString).toList();
        List<String> alone = new ArrayList<>();
        for (int copy = 0; copy < 4; copy++) {
            body(ScaledRecording.of(base, layout).only(copy).text()).forEach(l -> alone.add(l.toString()));
        }
        assertThat(merged).containsExactlyInAnyOrderElementsOf(alone);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherTimes() {
        BaseRecording base = sample();
        CopyLayout seven = CopyLayout.evenlySpaced(4, SHIFT).withJitter(7, Duration.ofSeconds(2));
        CopyLayout eight = CopyLayout.evenlySpaced(4, SHIFT).withJitter(8, Duration.ofSeconds(2));
        String sevenText = ScaledRecording.of(base, seven).text();

        assertThat(ScaledRecording.of(base, seven).text()).isEqualTo(sevenText);
        assertThat(ScaledRecording.of(base, eight).text()).isNotEqualTo(sevenText);
        assertThat(ScaledRecording.of(base, eight).only(0).text()).isEqualTo(ScaledRecording.of(base, seven).only(0).text());
        for (int k = 1; k < 4; k++) {
            assertThat(seven.copy(k).offset()).isBetween(SHIFT.multipliedBy(k), SHIFT.multipliedBy(k).plusSeconds(2));
            assertThat(seven.copy(k).offset()).isNotEqualTo(eight.copy(k).offset());
        }
        // a copy's place depends on the seed and its number, not on how many copies there are
        assertThat(seven.copy(3)).isEqualTo(new CopyLayout(40, SHIFT, 7, Duration.ofSeconds(2)).copy(3));
    }

    @Test
    void withoutJitterTheSeedChangesNothing() {
        BaseRecording base = sample();
        assertThat(ScaledRecording.of(base, new CopyLayout(3, SHIFT, 1, Duration.ZERO)).text())
                .isEqualTo(ScaledRecording.of(base, CopyLayout.evenlySpaced(3, SHIFT)).text());
        assertThat(CopyLayout.evenlySpaced(3, SHIFT).copy(2).offset()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void theRecordingReadersReadEveryRecordOfEveryCopy() throws IOException {
        int baseRecords = Recordings.read(List.of(SAMPLE), options(), rejectNothing()).size();
        String scaled = ScaledRecording.of(sample(), CopyLayout.evenlySpaced(3, SHIFT).withJitter(3, Duration.ofMillis(900))).text();

        List<Recorded> records = Recordings.read("scaled", scaled, options(), rejectNothing());
        assertThat(records).hasSize(3 * baseRecords);
        assertThat(records.stream().map(Recorded::key).collect(Collectors.toSet()))
                .hasSize(3 * Recordings.read(List.of(SAMPLE), options(), rejectNothing()).stream()
                        .map(Recorded::key).collect(Collectors.toSet()).size());
    }

    @Test
    void aBadBaseRecordingIsRefusedWithItsLine() {
        assertThatThrownBy(() -> BaseRecording.parse("events.jsonl", List.of("{\"kind\":\"Event\"}")))
                .hasMessageContaining("events.jsonl:1").hasMessageContaining("header");
        assertThatThrownBy(() -> BaseRecording.parse("rec.jsonl", List.of(
                "{\"format\":\"incidents-recording\",\"version\":1}", "", "{\"time\":\"yesterday\",\"object\":{}}")))
                .hasMessageContaining("rec.jsonl:3");
    }

    private static ReadOptions options() {
        return new ReadOptions(null, Instant.parse("2025-03-14T12:00:00Z"));
    }

    private static Consumer<Rejection> rejectNothing() {
        return r -> {
            throw new AssertionError("rejected: " + r);
        };
    }

    /** What a record carries to a topic, without where it was read. */
    private static List<String> records(List<Recorded> records) {
        return records.stream().map(r -> r.time() + " " + r.kind() + " " + r.key() + " " + r.value()).toList();
    }

    private static List<JsonNode> body(String recording) {
        return recording.lines().skip(1).map(Fixtures::parse).toList();
    }

    private static Set<String> distinct(List<JsonNode> lines, String field) {
        Set<String> values = new HashSet<>();
        lines.forEach(l -> values.addAll(l.get("object").findValuesAsText(field)));
        return values;
    }
}
