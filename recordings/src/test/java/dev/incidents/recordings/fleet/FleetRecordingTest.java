package dev.incidents.recordings.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.recordings.Rejection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetRecordingTest {
    private static final Path SAMPLE = Path.of("..", "samples", "gpu-inference-outage.jsonl");
    private static final Path SCENARIOS = Path.of("..", "analyzer", "src", "test", "resources", "scenarios");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FleetRecording.Spec SPEC = new FleetRecording.Spec(7, 3, 6_000,
            Instant.parse("2025-06-02T08:00:00Z"), Duration.ofMinutes(30), 0.05, 10, Duration.ofMinutes(5));

    @TempDir
    Path dir;

    @Test
    void a_file_per_cluster_in_event_time_order_that_every_reader_takes_without_rejection() throws Exception {
        FleetRecording.Written written = new FleetRecording(SPEC, FleetRecording.fixturesIn(SCENARIOS, SAMPLE))
                .writeTo(dir.resolve("a"));

        assertThat(written.files()).hasSize(3);
        assertThat(written.records()).isBetween(5_000L, 7_000L);
        Set<String> clusters = new HashSet<>();
        for (Path file : written.files()) {
            List<Rejection> rejections = new ArrayList<>();
            List<Recorded> records = Recordings.read(List.of(file), new ReadOptions(null, Instant.now()), rejections::add);
            assertThat(rejections).isEmpty();
            assertThat(records).isNotEmpty();
            records.forEach(r -> clusters.add(r.key().substring(0, r.key().indexOf('/'))));
            List<String> lines = Files.readAllLines(file);
            assertThat(lines.get(0)).contains("\"format\":\"incidents-recording\"");
            List<Instant> times = lines.stream().skip(1).map(l -> Instant.parse(l.substring(9, l.indexOf('"', 9)))).toList();
            assertThat(times).isSorted();
            assertThat(times.get(0)).isAfterOrEqualTo(SPEC.start());
        }
        assertThat(clusters).containsExactlyInAnyOrder(FleetRecording.clusterName(0), FleetRecording.clusterName(1),
                FleetRecording.clusterName(2));
    }

    @Test
    void every_pod_ends_deleted_after_its_grace_and_every_node_but_the_heartbeating_pool_ends_deleted() throws Exception {
        FleetRecording.Written written = new FleetRecording(SPEC, FleetRecording.fixturesIn(SCENARIOS, SAMPLE))
                .writeTo(dir.resolve("ends"));

        for (Path file : written.files()) {
            Map<String, JsonNode> lastPods = new HashMap<>();
            Map<String, JsonNode> beforeLastPods = new HashMap<>();
            Map<String, JsonNode> lastNodes = new HashMap<>();
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                JsonNode record = JSON.readTree(line);
                JsonNode metadata = record.path("object").path("metadata");
                String kind = record.path("object").path("kind").asText();
                String key = metadata.path("namespace").asText() + "/" + metadata.path("name").asText();
                if ("Pod".equals(kind)) {
                    JsonNode before = lastPods.put(key, record);
                    if (before != null) {
                        beforeLastPods.put(key, before);
                    }
                } else if ("Node".equals(kind)) {
                    lastNodes.put(key, record);
                }
            }
            assertThat(lastPods).isNotEmpty();
            int graceful = 0;
            for (Map.Entry<String, JsonNode> pod : lastPods.entrySet()) {
                JsonNode last = pod.getValue();
                assertThat(last.path("type").asText()).as(pod.getKey()).isEqualTo("DELETED");
                Instant deletedAt = Instant.parse(last.path("time").asText());
                JsonNode before = beforeLastPods.get(pod.getKey());
                JsonNode metadata = before == null ? null : before.path("object").path("metadata");
                if (metadata != null && metadata.has("deletionTimestamp")
                        && Instant.parse(before.path("time").asText()).plusSeconds(30).equals(deletedAt)) {
                    // the generator's delete: the object marked for deletion, then gone when its grace ends (a copy
                    // moves its seconds-precision timestamps by whole and partial seconds: within one of its time)
                    assertThat(metadata.path("deletionGracePeriodSeconds").asLong()).isEqualTo(30);
                    assertThat(Duration.between(Instant.parse(metadata.path("deletionTimestamp").asText()), deletedAt).abs())
                            .isLessThan(Duration.ofSeconds(2));
                    graceful++;
                }
            }
            assertThat(graceful).as("pods deleted by the generator").isGreaterThan(lastPods.size() / 2);
            long kept = lastNodes.values().stream().filter(n -> !"DELETED".equals(n.path("type").asText())).count();
            assertThat(kept).as("the heartbeating pool").isEqualTo(SPEC.nodesPerCluster());
            assertThat(lastNodes).hasSizeGreaterThan(SPEC.nodesPerCluster());
        }
    }

    @Test
    void the_same_spec_and_fixtures_give_the_same_bytes() throws Exception {
        FleetRecording fleet = new FleetRecording(SPEC, FleetRecording.fixturesIn(SCENARIOS, SAMPLE));
        List<Path> first = fleet.writeTo(dir.resolve("first")).files();
        List<Path> second = fleet.writeTo(dir.resolve("second")).files();
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.mismatch(first.get(i), second.get(i))).isEqualTo(-1L);
        }
    }
}
