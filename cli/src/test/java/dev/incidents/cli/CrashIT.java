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
 * and {@code ship --from} as separate JVMs from the packaged CLI, killed and restarted as an orchestrator would, on
 * topics of 3 partitions. After each fault the incident topic, read from the beginning with {@code read_committed},
 * must hold every transition of {@code replay} of the same recording exactly once, the same JSON in the same order per
 * incident (DESIGN section 4: live on N partitions = replay; section 9: exactly-once). The analyzer's idle clock is off
 * and the end of the recording is marked ({@link RecordingEnd}), so however the run was interrupted its event time
 * ends where replay's does. Where {@code analyze} keeps up with a shipper that plays 45 minutes in 25 s, its lateness
 * bound covers what that pace and the fault put between two input partitions ({@link #AT_SHIPPING_PACE},
 * {@link #THROUGH_AN_OUTAGE}).
 *
 * <p>The tests print what they measured (catch-up time and rate, time from a restart to processing again, signals
 * later than the lateness bound). {@code -Dcrash.copies=N} sizes the recording, {@code -Dcrash.kills=N} the kills.
 */
class CrashIT {
    static final Path SAMPLE = Path.of("..", "samples", "gpu-inference-outage.jsonl");
    /** Copies of the sample (about 517 records each) in the recording every test ships. */
    static final int COPIES = Integer.getInteger("crash.copies", 20);
    static final int KILLS = Integer.getInteger("crash.kills", 5);
    /**
     * Each test's budget: a bound on waiting, not an expected time (the tests take 60-80 s on an idle 2-core machine);
     * 3 minutes ran out once at load average 16 after every kill and restart had gone through.
     */
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** Records per second of {@code ship --from} where a fault must find it mid-stream. */
    static final int SHIP_RATE = 400;
    static final Duration BROKER_DOWN = Duration.ofSeconds(10);

    static Path recording;
    static List<Recorded> records;
    static Replay.Result expected;

    /** {@code analyze} catching up on a recording already shipped: the idle clock off, the default lateness bound (2 s). */
    static final AnalyzerConfig CATCH_UP = AnalyzerConfig.defaults().with(AnalyzerConfig.IDLE_ADVANCE_INTERVAL, "PT0S");
    /**
     * {@code analyze} keeping up with {@code ship --from} at {@link #SHIP_RATE}: the recording's 45 minutes in about
     * 25 s, a hundred times faster than they happened. The lateness bound is event time: the default 2 s is 20 ms of
     * wall time at this pace, less than a fetch or a commit takes on a busy machine, so signals would come later than the bound for want of wall time, not because of a fault
     * (measured without any fault: 88 late signals; once, 59 incidents unlike replay's). 15 minutes of event time is
     * about 8 s of wall time here.
     */
    static final AnalyzerConfig AT_SHIPPING_PACE = CATCH_UP.with(AnalyzerConfig.LATENESS, "PT15M");
    /**
     * ... and through a broker outage. What the shipper buffered meanwhile lands in one burst when the broker is back,
     * each partition's records in order but the topics in no order anyone controls; a task that takes the events burst
     * while the pods topic still looks caught up runs its clock ahead of the pod snapshots by up to the outage. The
     * bound must cover the outage in event time: 15 to 30 s of outage here is 27 to 54 minutes. With 10 minutes,
     * 839 signals came late and 15 copies of embedding-worker opened CRASH_LOOP before the OOMKilled snapshot that
     * explains the crash arrived (30 transitions more than replay).
     */
    static final AnalyzerConfig THROUGH_AN_OUTAGE = CATCH_UP.with(AnalyzerConfig.LATENESS, "PT1H");

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
        System.out.printf("crash-it: %d copies, %d records, %d incidents, %d transitions in replay (%d ms to generate and replay)%n",
                COPIES, records.size(), expected.latest().size(), expected.transitions().size(), millisSince(begin));
    }

    @Test
    void analyze_killed_five_times_during_a_catch_up_publishes_replays_transitions_exactly_once() throws Exception {
        try (ProcessPipeline pipeline = ProcessPipeline.start("kill-analyze", CATCH_UP)) {
            Process ship = pipeline.ship(recording, 0);
            assertThat(ship.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("ship --from finished").isTrue();
            assertThat(ship.exitValue()).as("ship --from exit status; log:\n%s", pipeline.log("ship-1")).isZero();
            pipeline.markEnd(records);
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
                        + " restarted %s, committing again after %d ms%n", kill, (restart - begin) / 1_000_000, consumed, input,
                        ProcessPipeline.STATIC_MEMBERSHIP ? "with --instance-id" : "without --instance-id", millisSince(restart));
            }
            pipeline.awaitSettled(Duration.ofNanos(deadline - System.nanoTime()), expected.transitions().size());
            long catchUp = millisSince(begin);
            System.out.printf("crash-it: catch-up of %d records with %d kills took %d ms (%.0f records/s, restarts included);"
                    + " %.0f signals later than the lateness bound after the last restart%n",
                    input, KILLS, catchUp, input * 1000.0 / catchUp, pipeline.lateSignals());
            assertThat(ProcessPipeline.stop(analyze[0])).as("analyze exit status on SIGTERM; log:\n%s",
                    pipeline.log("analyze-" + (KILLS + 1))).isIn(ProcessPipeline.STOPPED_BY_SIGTERM);

            assertPublishedReplaysTransitions(pipeline);
        }
    }

    @Test
    void broker_stopped_for_10_s_while_ship_and_analyze_run_loses_nothing() throws Exception {
        try (ProcessPipeline pipeline = ProcessPipeline.start("broker-restart", THROUGH_AN_OUTAGE)) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            Process analyze = pipeline.analyze();
            pipeline.awaitAnalyzing(deadline);
            Process ship = pipeline.ship(recording, SHIP_RATE);
            ProcessPipeline.awaitUntil(deadline, "a third of the recording shipped",
                    () -> pipeline.inputRecords() >= records.size() / 3 || !ship.isAlive());
            assertThat(ship.isAlive()).as("ship --from still shipping; log:\n%s", pipeline.log("ship-1")).isTrue();
            long shipped = pipeline.inputRecords();
            long consumed = pipeline.consumed();

            long stopping = System.nanoTime();
            assertThat(pipeline.broker.stop()).as("the broker was running").isTrue();
            long stopped = System.nanoTime();
            Thread.sleep(BROKER_DOWN.toMillis());
            pipeline.broker.start();
            long restarted = System.nanoTime();
            ProcessPipeline.awaitUntil(deadline, "the shipper to produce again", () -> pipeline.inputRecords() > shipped);
            long shipping = System.nanoTime();
            ProcessPipeline.awaitUntil(deadline, "the analyzer to commit again", () -> pipeline.consumed() > consumed);
            System.out.printf("crash-it: broker stopped (SIGTERM, %d ms) with %d of %d records shipped and %d consumed, down %d ms;"
                            + " after its restart (%d ms) ship produced again after %d ms, analyze committed again after %d ms%n",
                    (stopped - stopping) / 1_000_000, shipped, records.size(), consumed, (restarted - stopped) / 1_000_000,
                    (restarted - stopped) / 1_000_000 - BROKER_DOWN.toMillis(), (shipping - restarted) / 1_000_000, millisSince(restarted));

            assertThat(ship.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)).as("ship --from finished").isTrue();
            assertThat(ship.exitValue()).as("ship --from exit status; log:\n%s", pipeline.log("ship-1")).isZero();
            assertThat(pipeline.inputRecords()).as("records on the input topics").isEqualTo(records.size());
            pipeline.markEnd(records);
            pipeline.awaitSettled(Duration.ofNanos(deadline - System.nanoTime()), expected.transitions().size());
            assertThat(analyze.isAlive()).as("analyze survived the broker restart; log:\n%s", pipeline.log("analyze-1")).isTrue();
            System.out.printf("crash-it: broker restart: %.0f signals later than the lateness bound%n", pipeline.lateSignals());
            assertThat(ProcessPipeline.stop(analyze)).as("analyze exit status on SIGTERM; log:\n%s", pipeline.log("analyze-1"))
                    .isIn(ProcessPipeline.STOPPED_BY_SIGTERM);

            assertPublishedReplaysTransitions(pipeline);
        }
    }

    /**
     * An operator whose {@code ship --from} died half way runs it again, from the start: the first half of the recording
     * is on the input topics twice, the second time behind the analyzer's clock. A repeated event is the same evidence
     * (same uid and count), a repeated snapshot says nothing new, a recovery older than the evidence (an init
     * container's {@code Pulled}) resolves nothing: the incidents are replay's.
     */
    @Test
    void ship_killed_half_way_and_run_again_from_the_start_changes_no_transition() throws Exception {
        try (ProcessPipeline pipeline = ProcessPipeline.start("ship-restart", AT_SHIPPING_PACE)) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            Process analyze = pipeline.analyze();
            pipeline.awaitAnalyzing(deadline);
            Process first = pipeline.ship(recording, SHIP_RATE);
            ProcessPipeline.awaitUntil(deadline, "half the recording shipped",
                    () -> pipeline.inputRecords() >= records.size() / 2 || !first.isAlive());
            assertThat(first.isAlive()).as("ship --from still shipping; log:\n%s", pipeline.log("ship-1")).isTrue();
            ProcessPipeline.kill(first);
            long beforeKill = pipeline.inputRecords();

            Process again = pipeline.ship(recording, SHIP_RATE);
            assertThat(again.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)).as("ship --from finished").isTrue();
            assertThat(again.exitValue()).as("ship --from exit status; log:\n%s", pipeline.log("ship-2")).isZero();
            long input = pipeline.inputRecords();
            assertThat(input).as("records on the input topics").isGreaterThanOrEqualTo(records.size() + beforeKill);
            System.out.printf("crash-it: ship --from killed -9 after %d of %d records and run again from the start: %d records"
                    + " on the input topics%n", beforeKill, records.size(), input);
            pipeline.markEnd(records);
            pipeline.awaitSettled(Duration.ofNanos(deadline - System.nanoTime()), expected.transitions().size());
            System.out.printf("crash-it: ship restart: %.0f signals later than the lateness bound%n", pipeline.lateSignals());
            assertThat(ProcessPipeline.stop(analyze)).as("analyze exit status on SIGTERM; log:\n%s", pipeline.log("analyze-1"))
                    .isIn(ProcessPipeline.STOPPED_BY_SIGTERM);

            assertPublishedReplaysTransitions(pipeline);
        }
    }

    /**
     * What {@code analyze} published, read as it came ({@link TransitionFeed}), is replay's transitions exactly once; and
     * the topic read from the beginning afterwards, compacted or not, holds the latest state of every incident.
     */
    static void assertPublishedReplaysTransitions(ProcessPipeline pipeline) throws Exception {
        List<ConsumerRecord<String, String>> published = pipeline.transitions();
        assertReplaysTransitionsExactlyOnce(published);
        List<ConsumerRecord<String, String>> kept = pipeline.incidentTopic();
        assertThat(latest(kept)).as("the latest transition of every incident, in the topic afterwards").isEqualTo(latest(published));
        System.out.printf("crash-it: %s read from the beginning afterwards holds %d of the %d transitions published%n",
                pipeline.config.incidentsJsonTopic(), kept.size(), published.size());
    }

    private static Map<String, String> latest(List<ConsumerRecord<String, String>> records) {
        Map<String, String> latest = new TreeMap<>();
        records.forEach(r -> latest.put(r.key(), r.value()));
        return latest;
    }

    /**
     * Every transition once (no record repeats another byte for byte), and each incident's transitions those of
     * replay, the same JSON in replay's order.
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
        Map<String, String> differences = new TreeMap<>();
        for (String id : union(live.keySet(), offline.keySet())) {
            List<String> l = live.getOrDefault(id, List.of());
            List<String> o = offline.getOrDefault(id, List.of());
            if (!l.equals(o)) {
                differences.put(id, summaries(l).equals(summaries(o)) ? "the same transitions, other JSON:\n  live:   " + l
                        + "\n  replay: " + o : "\n  live:   " + String.join("\n          ", summaries(l))
                        + "\n  replay: " + String.join("\n          ", summaries(o)) + firstDifference(l, o));
            }
        }
        assertThat(differences).as("incidents whose transitions differ from replay's (%d live transitions, %d in replay)",
                published.size(), expected.transitions().size()).isEmpty();
    }

    /** The first transition that differs, whole on both sides: its evidence says which signal the other side lacked. */
    private static String firstDifference(List<String> live, List<String> replay) {
        for (int i = 0; i < Math.max(live.size(), replay.size()); i++) {
            String l = i < live.size() ? live.get(i) : "(none)";
            String r = i < replay.size() ? replay.get(i) : "(none)";
            if (!l.equals(r)) {
                return "\n  first difference, transition " + (i + 1) + ":\n    live:   " + l + "\n    replay: " + r;
            }
        }
        return "";
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** What a chat channel acts on in each transition, without the prose. */
    private static List<String> summaries(List<String> transitions) {
        return transitions.stream().map(IncidentJson::fromJson)
                .map(i -> "#" + i.getOccurrence() + " " + i.getStatus() + " " + i.getSeverity() + " firstSeen="
                        + i.getFirstSeen() + " lastSeen=" + i.getLastSeen() + " signals=" + i.getSignalCount()
                        + " follows=" + i.getFollows() + " resolution=" + i.getResolution() + " pods=" + i.getPods()
                        + " nodes=" + i.getNodes())
                .toList();
    }

    static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
