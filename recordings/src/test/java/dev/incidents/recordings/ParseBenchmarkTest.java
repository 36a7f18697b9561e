package dev.incidents.recordings;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The parse-only pass reads what the reader reads (its figures are printed, never asserted on). */
class ParseBenchmarkTest {
    static final Path SAMPLE = Path.of("..", "samples", "gpu-inference-outage.jsonl");

    @Test
    void countsEveryRecordOfTheRecording() {
        ParseBenchmark.Result result = ParseBenchmark.parseOnly(List.of(SAMPLE));

        assertThat(result.records()).isEqualTo(Recordings.read(List.of(SAMPLE), new ReadOptions(null, Instant.now()), r -> { }).size());
        assertThat(result.rejected()).isZero();
        assertThat(result.late()).isZero();
        assertThat(result.toString()).startsWith("parse-only: ").contains(" records/s");
    }
}
