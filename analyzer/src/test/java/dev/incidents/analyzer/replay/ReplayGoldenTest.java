package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.recordings.BaseRecording;
import dev.incidents.recordings.CopyLayout;
import dev.incidents.recordings.EncodedRecord;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.RecordStream;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.recordings.ScaledRecording;
import dev.incidents.schemas.Incident;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay output pinned byte for byte (issue #12: faster, and the same answer): every transition of the demo
 * recording as JSON, and every transition of a 40-copy jittered scale-up (20k records, one cluster of 1,120 nodes,
 * so the cluster-wide ranking of INSUFFICIENT_GPU is in play) as one digest line each. The files under
 * {@code src/test/resources/golden} were written by the code before the throughput work; a deliberate change of
 * output rewrites them with {@code -Dgolden.update=true} and says why in its commit.
 */
class ReplayGoldenTest {

    static final Path SAMPLE = Path.of("..", "samples", "gpu-inference-outage.jsonl");
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    static final Instant NOW = Instant.parse("2025-03-14T12:00:00Z");

    @Test
    void the_demo_recording_replays_to_the_pinned_transitions() throws IOException {
        List<Recorded> records = Recordings.read(List.of(SAMPLE), new ReadOptions(null, NOW), r -> {
            throw new AssertionError("the sample reads without rejections: " + r);
        });
        Replay.Result result = Replay.run(records, AnalyzerConfig.defaults());

        assertGolden("gpu-inference-outage.transitions.jsonl",
                result.transitions().stream().map(IncidentJson::toJson).toList());
    }

    @Test
    void a_40_copy_scale_up_replays_to_the_pinned_transitions() throws IOException {
        ScaledRecording scaled = ScaledRecording.of(BaseRecording.read(SAMPLE),
                CopyLayout.evenlySpaced(40, Duration.ofSeconds(3)).withJitter(12, Duration.ofMillis(2500)));
        List<Recorded> records = Recordings.read("scaled", scaled.text(), new ReadOptions(null, NOW), r -> {
            throw new AssertionError("a scaled recording reads without rejections: " + r);
        });
        Replay.Result result = Replay.run(records, AnalyzerConfig.defaults());

        assertThat(records).hasSizeGreaterThan(19_000);
        assertGolden("scaled-40.transitions.digest", result.transitions().stream().map(ReplayGoldenTest::digestLine).toList());
    }

    /**
     * {@code replay} pipes values as the reader held them, encoded ({@link Replay#pipe(EncodedRecord)}): the same
     * transitions as records decoded and serialized again, on the demo and on the 40-copy scale-up.
     */
    @Test
    void records_piped_with_their_values_encoded_replay_to_the_same_pinned_transitions(@TempDir Path dir)
            throws IOException {
        Replay.Result demo = replayEncoded(SAMPLE);
        assertGolden("gpu-inference-outage.transitions.jsonl",
                demo.transitions().stream().map(IncidentJson::toJson).toList());

        Path scaled = Files.writeString(dir.resolve("scaled.jsonl"), ScaledRecording.of(BaseRecording.read(SAMPLE),
                CopyLayout.evenlySpaced(40, Duration.ofSeconds(3)).withJitter(12, Duration.ofMillis(2500))).text());
        Replay.Result result = replayEncoded(scaled);
        assertGolden("scaled-40.transitions.digest", result.transitions().stream().map(ReplayGoldenTest::digestLine).toList());
    }

    /** As {@code replay FILE} reads and pipes it. */
    private static Replay.Result replayEncoded(Path file) {
        try (RecordStream records = Recordings.stream(List.of(file), new ReadOptions(null, NOW), r -> {
                throw new AssertionError("reads without rejections: " + r);
            });
             Replay replay = new Replay(AnalyzerConfig.defaults(), true)) {
            while (records.hasNext()) {
                replay.pipe(records.nextEncoded());
            }
            return replay.finish();
        }
    }

    /** What a chat channel acts on, then a digest of the whole JSON: a diff names the transition that changed. */
    private static String digestLine(Incident incident) {
        return incident.getId() + " #" + incident.getOccurrence() + " " + incident.getStatus() + " "
                + sha256(IncidentJson.toJson(incident));
    }

    private static void assertGolden(String name, List<String> lines) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.write(file, lines, StandardCharsets.UTF_8);
        }
        assertThat(lines).as("replay output vs %s", file).isNotEmpty()
                .containsExactlyElementsOf(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
