package dev.incidents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.analyzer.replay.Replay;
import dev.incidents.recordings.BaseRecording;
import dev.incidents.recordings.CopyLayout;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.recordings.ScaledRecording;
import dev.incidents.schemas.Incident;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crashes and faults with every part a process of its own (issue #11 item 5): a real broker per test, {@code analyze}
 * and {@code ship --from} as separate JVMs from the packaged CLI, killed and restarted as an orchestrator would. After
 * each fault the incident topic, read from the beginning with {@code read_committed}, must hold every transition of
 * {@code replay} of the same recording exactly once, in the same order per incident (DESIGN section 4: live on N
 * partitions = replay; section 9: exactly-once). The analyzer's idle clock is off and the end of the recording is
 * marked ({@link RecordingEnd}), so however the run was interrupted its event time ends where replay's does.
 *
 * <p>The tests print what they measured (catch-up time and rate, time from a restart to processing again).
 */
class CrashIT {
    static final Path SAMPLE = Path.of("..", "samples", "gpu-inference-outage.jsonl");
    /** Copies of the sample (about 517 records each) in the recording every test ships. */
    static final int COPIES = Integer.getInteger("crash.copies", 20);
    static final int KILLS = Integer.getInteger("crash.kills", 5);
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    static Path recording;
    static List<Recorded> records;
    static Replay.Result expected;
    static Instant end;

    @BeforeAll
    static void generate_the_recording_and_replay_it() throws Exception {
        long begin = System.nanoTime();
        recording = Files.createDirectories(Path.of("target", "crash-it")).resolve("recording-" + COPIES + ".jsonl").toAbsolutePath();
        try (Writer out = Files.newBufferedWriter(recording)) {
            ScaledRecording.of(BaseRecording.read(SAMPLE), CopyLayout.evenlySpaced(COPIES, Duration.ofSeconds(3))).writeTo(out);
        }
        records = Recordings.read(List.of(recording), new ReadOptions(null, Instant.now()), rejected -> {
            throw new AssertionError("the generated recording must read without rejections: " + rejected);
        });
        expected = Replay.run(records, AnalyzerConfig.defaults());
        end = RecordingEnd.of(records, ProcessPipeline.CONFIG);
        System.out.printf("crash-it: %d copies, %d records, %d incidents, %d transitions in replay (%d ms to generate and replay)%n",
                COPIES, records.size(), expected.latest().size(), expected.transitions().size(), millisSince(begin));
    }

    @Test
    void analyze_killed_five_times_during_a_catch_up_publishes_replays_transitions_exactly_once() throws Exception {
        try (ProcessPipeline pipeline = ProcessPipeline.start("kill-analyze")) {
            Process ship = pipeline.ship(recording, 0);
            assertThat(ship.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("ship --from finished").isTrue();
            assertThat(ship.exitValue()).as("ship --from exit status; log:\n%s", pipeline.log("ship-1")).isZero();
            pipeline.markEnd(end);
            long input = pipeline.inputRecords();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();

            long begin = System.nanoTime();
            Process[] analyze = {pipeline.analyze()};
            for (int kill = 1; kill <= KILLS; kill++) {
                long killAt = input * kill / (KILLS + 1);
                ProcessPipeline.awaitUntil(deadline, "analyze to consume " + killAt + " records",
                        () -> pipeline.consumed() >= killAt || !analyze[0].isAlive());
                assertThat(analyze[0].isAlive()).as("analyze runs until killed; log:\n%s", pipeline.log("analyze-" + kill)).isTrue();
                ProcessPipeline.kill(analyze[0]);
                long consumed = pipeline.consumed();
                long committed = pipeline.committedTotal();
                long restart = System.nanoTime();
                analyze[0] = pipeline.analyze();
                ProcessPipeline.awaitUntil(deadline, "analyze to process again after kill " + kill,
                        () -> pipeline.committedTotal() > committed);
                System.out.printf("crash-it: kill -9 #%d of analyze %d ms into the catch-up, %d of %d input records committed;"
                        + " restarted, committing again after %d ms%n", kill, (restart - begin) / 1_000_000, consumed, input,
                        millisSince(restart));
            }
            pipeline.awaitSettled(Duration.ofNanos(deadline - System.nanoTime()));
            long catchUp = millisSince(begin);
            System.out.printf("crash-it: catch-up of %d records with %d kills took %d ms (%.0f records/s, restarts included)%n",
                    input, KILLS, catchUp, input * 1000.0 / catchUp);
            assertThat(ProcessPipeline.stop(analyze[0])).as("analyze exit status on SIGTERM; log:\n%s",
                    pipeline.log("analyze-" + (KILLS + 1))).isIn(ProcessPipeline.STOPPED_BY_SIGTERM);

            assertReplaysTransitionsExactlyOnce(pipeline.incidentTopic());
        }
    }

    /**
     * Every transition once (no record repeats another byte for byte), the latest state of every incident as in
     * replay, and each incident's transitions those of replay, in replay's order.
     */
    static void assertReplaysTransitionsExactlyOnce(List<ConsumerRecord<String, String>> published) {
        Map<String, Long> repeated = published.stream().map(ConsumerRecord::value)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        repeated.values().removeIf(n -> n == 1);
        assertThat(repeated).as("transitions published more than once").isEmpty();

        Map<String, List<String>> live = published.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                TreeMap::new, Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
        Map<String, List<String>> offline = expected.transitions().stream().collect(Collectors.groupingBy(Incident::getId,
                TreeMap::new, Collectors.mapping(IncidentJson::toJson, Collectors.toList())));
        assertThat(latest(live)).as("the latest status of every incident, live vs replay").isEqualTo(latest(offline));
        assertThat(published).as("transitions, live vs replay").hasSameSizeAs(expected.transitions());
        assertThat(summaries(live)).as("each incident's transitions, live vs replay").isEqualTo(summaries(offline));
        assertThat(live).as("each incident's transitions as JSON, live vs replay").isEqualTo(offline);
    }

    private static Map<String, String> latest(Map<String, List<String>> transitions) {
        Map<String, String> latest = new TreeMap<>();
        transitions.forEach((id, list) -> latest.put(id, IncidentJson.fromJson(list.get(list.size() - 1)).getStatus().name()));
        return latest;
    }

    /** What a chat channel acts on in each transition, without the prose. */
    private static Map<String, List<String>> summaries(Map<String, List<String>> transitions) {
        Map<String, List<String>> summaries = new LinkedHashMap<>();
        transitions.forEach((id, list) -> summaries.put(id, list.stream().map(IncidentJson::fromJson)
                .map(i -> "#" + i.getOccurrence() + " " + i.getStatus() + " " + i.getSeverity() + " firstSeen="
                        + i.getFirstSeen() + " lastSeen=" + i.getLastSeen() + " signals=" + i.getSignalCount()
                        + " follows=" + i.getFollows() + " resolution=" + i.getResolution() + " pods=" + i.getPods()
                        + " nodes=" + i.getNodes())
                .toList()));
        return summaries;
    }

    static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
