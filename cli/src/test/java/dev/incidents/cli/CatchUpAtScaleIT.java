package dev.incidents.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.IncidentTopology;
import dev.incidents.analyzer.PipelineMeters;
import dev.incidents.analyzer.live.AnalyzeCommand;
import dev.incidents.analyzer.live.AnalyzerTopics;
import dev.incidents.analyzer.replay.Replay;
import dev.incidents.kafka.LocalBroker;
import dev.incidents.kafka.testing.FreePorts;
import dev.incidents.kafka.testing.RetentionChecks;
import dev.incidents.recordings.BaseRecording;
import dev.incidents.recordings.CopyLayout;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.recordings.ScaledRecording;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.Topics;
import dev.incidents.shipper.cli.ShipCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue #11 "done when": a generated recording of more than 50k records, its event times more than a year old, shipped
 * across 3 partitions into a fresh broker that checks retention every second; after retention checks have passed,
 * {@code analyze} starts on the backlog, with its default settings, and publishes the incident ids, statuses and
 * transitions of {@code replay} of the same file (live = offline at scale), with no signal later than the lateness
 * bound; once caught up, its idle clock may add transitions after replay's end.
 */
class CatchUpAtScaleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARTITIONS = 3;
    private static final int COPIES = 110;
    private static final Path SAMPLE = Path.of("..", "samples", "gpu-inference-outage.jsonl");

    @TempDir
    static Path temp;
    static LocalBroker broker;

    @BeforeAll
    static void brokerThatChecksRetentionEverySecond() {
        broker = RetentionChecks.startBroker("scale");
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void analyze_catching_up_on_a_year_old_backlog_across_three_partitions_publishes_what_replay_reports() throws Exception {
        Path recording = temp.resolve("fleet.jsonl");
        try (Writer out = Files.newBufferedWriter(recording)) {
            ScaledRecording.of(BaseRecording.read(SAMPLE), CopyLayout.evenlySpaced(COPIES, Duration.ofSeconds(3)))
                    .writeTo(out);
        }
        List<Recorded> records = Recordings.read(List.of(recording), new ReadOptions(null, Instant.now()), r -> { });
        assertThat(records.size()).as("records after snapshot dedupe").isGreaterThan(50_000);
        assertThat(records.stream().filter(r -> r.time().isAfter(Instant.now().minus(Duration.ofDays(365)))).count())
                .as("records less than a year old").isZero();

        // The idle clock at its default (5 s): a catch-up has quiet moments with a backlog still waiting, and the
        // clock must not move on then (InputLag). It does move on once the backlog is processed, which takes event
        // time past the end of the recording: live may then add transitions after replay's, never change them.
        AnalyzerConfig config = AnalyzerConfig.defaults();
        broker.createTopics(AnalyzerTopics.of(config, PARTITIONS));
        StringWriter shipErr = new StringWriter();
        long shipBegin = System.nanoTime();
        int shipped = new CommandLine(new ShipCommand()).setErr(new PrintWriter(shipErr, true)).execute(
                "--from", recording.toString(), "--bootstrap-server", broker.bootstrapServers());
        assertThat(shipped).as(shipErr.toString()).isZero();
        long shipMillis = Duration.ofNanos(System.nanoTime() - shipBegin).toMillis();
        Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
        RecordingEnd.mark(client, Topics.EVENTS, RecordingEnd.of(records, config));
        RetentionChecks.awaitOne(broker);

        // The backlog is in place and has outlived retention checks: now the analyzer starts, as after downtime.
        String application = "scale-it";
        Path settings = Files.writeString(temp.resolve("analyzer.properties"), "# defaults\n");
        double lateBefore = PipelineMeters.lateSignals();
        StringWriter analyzeErr = new StringWriter();
        AnalyzeCommand analyze = new AnalyzeCommand();
        CommandLine analyzeCli = new CommandLine(analyze).setErr(new PrintWriter(analyzeErr, true));
        // read as they are published: the JSON topic is compacted, and the broker here checks retention every second,
        // so a read at the end may find an incident's OPEN compacted away under its RESOLVED (a year-old recording's
        // timestamps roll segments at once)
        TransitionFeed feed = new TransitionFeed(client, Topics.INCIDENTS_JSON);
        long catchUpBegin = System.nanoTime();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> analyzeCli.execute(
                "--bootstrap-server", broker.bootstrapServers(), "--application-id", application,
                "--state-dir", temp.resolve("state").toString(), "--http-bind", "127.0.0.1",
                "--http-port", String.valueOf(FreePorts.one()), "--partitions", String.valueOf(PARTITIONS),
                "--config", settings.toString()));
        try (Admin admin = Admin.create(client)) {
            Map<TopicPartition, Long> inputEnd = DemoCommand.ends(admin, List.of(Topics.EVENTS, Topics.PODS, Topics.NODES));
            await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> DemoCommand.consumedUpTo(admin, application, inputEnd));
            Thread.sleep(DemoCommand.LAST_WATERMARKS.toMillis()); // until the input stage's last watermarks are out
            Map<TopicPartition, Long> routedEnd = DemoCommand.ends(admin,
                    List.of(application + "-" + IncidentTopology.SIGNALS_BY_SUBJECT + "-repartition"));
            await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> DemoCommand.consumedUpTo(admin, application, routedEnd));
        }
        long catchUpMillis = Duration.ofNanos(System.nanoTime() - catchUpBegin).toMillis();
        long replayBegin = System.nanoTime();
        List<Incident> offline = Replay.run(records, AnalyzerConfig.defaults()).transitions();
        long replayMillis = Duration.ofNanos(System.nanoTime() - replayBegin).toMillis();
        // the last transitions (the recording's end firing the last deadlines) may still be on their way to the topic
        // when the repartition topic is consumed, while the idle clock's own later transitions are already there (a
        // count reached says nothing): read until every incident's transitions start with replay's, or a minute passed
        Map<String, List<String>> replayById = byId(offline.stream()
                .map(i -> i.getId() + " #" + i.getOccurrence() + " " + i.getStatus()).toList());
        List<JsonNode> live = transitions(feed);
        for (long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
             !startsWithReplays(live, replayById) && System.nanoTime() < deadline; ) {
            Thread.sleep(1_000);
            live = transitions(feed);
        }
        analyze.stop();
        feed.close();
        assertThat(exit.get()).as(analyzeErr.toString()).isZero();
        System.out.printf("scale: %d records, %d copies, %d partitions: ship %d ms, analyze catch-up %d ms (%.0f records/s), "
                        + "replay %d ms; transitions live %d, replay %d%n", records.size(), COPIES, PARTITIONS, shipMillis,
                catchUpMillis, records.size() * 1000.0 / catchUpMillis, replayMillis, live.size(), offline.size());

        assertThat(PipelineMeters.lateSignals() - lateBefore).as("signals later than the lateness bound").isZero();
        Map<String, List<String>> liveById = liveById(live);
        assertThat(liveById.keySet()).as("incidents live vs replay").containsAll(replayById.keySet());
        for (Map.Entry<String, List<String>> incident : replayById.entrySet()) {
            List<String> own = liveById.get(incident.getKey());
            assertThat(own.subList(0, Math.min(own.size(), incident.getValue().size())))
                    .as("the transitions of %s live start with replay's", incident.getKey())
                    .isEqualTo(incident.getValue());
        }
        assertThat(live.stream().map(j -> j.get("occurrence").asInt()).max(Integer::compare).orElse(0))
                .as("no incident reopened").isEqualTo(1);
    }

    private static Map<String, List<String>> liveById(List<JsonNode> live) {
        return byId(live.stream().map(j -> j.get("id").asText() + " #" + j.get("occurrence").asInt() + " "
                + j.get("status").asText()).toList());
    }

    /** Whether every incident replay made has its transitions, in replay's order, first among live's. */
    private static boolean startsWithReplays(List<JsonNode> live, Map<String, List<String>> replayById) {
        Map<String, List<String>> liveById = liveById(live);
        return replayById.entrySet().stream().allMatch(incident -> {
            List<String> own = liveById.getOrDefault(incident.getKey(), List.of());
            return own.size() >= incident.getValue().size()
                    && own.subList(0, incident.getValue().size()).equals(incident.getValue());
        });
    }

    /** Transitions grouped by incident id, each id's in the order they were published. */
    private static Map<String, List<String>> byId(List<String> transitions) {
        Map<String, List<String>> byId = new TreeMap<>();
        for (String t : transitions) {
            byId.computeIfAbsent(t.substring(0, t.indexOf(' ')), k -> new ArrayList<>()).add(t);
        }
        return byId;
    }

    /** The transitions the feed has read so far, in partition order. */
    private static List<JsonNode> transitions(TransitionFeed feed) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (var record : feed.records()) {
            out.add(JSON.readTree(record.value()));
        }
        return out;
    }
}
