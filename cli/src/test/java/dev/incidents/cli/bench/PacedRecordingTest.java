package dev.incidents.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.recordings.Rejection;
import dev.incidents.schemas.PodSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacedRecordingTest {
    private static final Path SAMPLE = Path.of("..", "samples", "gpu-inference-outage.jsonl");

    @TempDir
    Path dir;

    @Test
    void event_times_follow_the_rate_and_each_decisive_pod_is_in_a_namespace_of_its_own() {
        Instant start = Instant.parse("2026-12-02T10:00:00Z");
        PacedRecording paced = new PacedRecording(start, 100, Duration.ofSeconds(10));
        Path file = dir.resolve("paced.jsonl");

        long decisive = paced.writeTo(file, SAMPLE);

        List<Rejection> rejections = new ArrayList<>();
        List<Recorded> records = Recordings.read(List.of(file), new ReadOptions(null, Instant.now()), rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).hasSize((int) paced.records());
        assertThat(records.get(0).time()).isEqualTo(start);
        assertThat(records.get(records.size() - 1).time())
                .isEqualTo(start.plus(Duration.ofSeconds(10)).plus(PacedRecording.TAIL).minusMillis(10));
        List<String> oomNamespaces = records.stream()
                .filter(r -> r.value() instanceof PodSnapshot pod && pod.getNamespace().startsWith("oom-"))
                .map(r -> ((PodSnapshot) r.value()).getNamespace()).toList();
        assertThat(oomNamespaces).hasSize((int) decisive).doesNotHaveDuplicates();
        assertThat(decisive).isEqualTo(1000 / paced.decisiveEvery());
        assertThat(records).allSatisfy(r -> assertThat(r.key()).startsWith(PacedRecording.CLUSTER + "/"));
    }

    @Test
    void no_decisive_record_comes_before_the_warm_up_has_passed() {
        Instant start = Instant.parse("2026-12-02T10:00:00Z");
        PacedRecording paced = new PacedRecording(start, 100, Duration.ofSeconds(5), Duration.ofSeconds(10));
        Path file = dir.resolve("warm.jsonl");

        long decisive = paced.writeTo(file, SAMPLE);

        List<Recorded> records = Recordings.read(List.of(file), new ReadOptions(null, Instant.now()), r -> { });
        assertThat(records).hasSize((int) paced.records()).hasSize(100 * (5 + 10 + (int) PacedRecording.TAIL.toSeconds()));
        List<Instant> oomTimes = records.stream()
                .filter(r -> r.value() instanceof PodSnapshot pod && pod.getNamespace().startsWith("oom-"))
                .map(Recorded::time).toList();
        assertThat(oomTimes).hasSize((int) decisive).allSatisfy(t -> assertThat(t)
                .isAfterOrEqualTo(start.plusSeconds(5)).isBefore(start.plusSeconds(15)));
        assertThat(decisive).isEqualTo(1000 / paced.decisiveEvery());
    }
}
