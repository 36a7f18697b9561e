package dev.incidents.cli;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.IncidentTopology;
import dev.incidents.analyzer.correlate.InputProgress;
import dev.incidents.analyzer.live.AnalyzerService;
import dev.incidents.analyzer.live.AnalyzerTopics;
import dev.incidents.analyzer.live.IncidentFeed;
import dev.incidents.analyzer.pages.IncidentHistory;
import dev.incidents.analyzer.pages.PostMortemReport;
import dev.incidents.analyzer.render.IncidentConsole;
import dev.incidents.analyzer.replay.Replay;
import dev.incidents.kafka.BrokerSettings;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.RecordStream;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.KafkaClientConfig;
import dev.incidents.schemas.TopicProvisioner;
import dev.incidents.schemas.TopicSpec;
import dev.incidents.schemas.Topics;
import dev.incidents.shipper.ProducerSettings;
import dev.incidents.shipper.RecordingShipper;
import dev.incidents.shipper.TopicNames;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code incidents demo}: the whole live pipeline on one machine. A real broker, the bundled GPU-outage recording
 * shipped with {@code ship --from}, the analyzer running as in {@code analyze}, its transitions printed as they
 * arrive on {@code k8s.incidents.json}, a summary, and a check that the live result equals {@code replay} of the
 * same file. Everything it starts it stops, on success, failure or Ctrl-C.
 *
 * <p>The recording's event times are in the past and shipped in seconds. Where a live cluster's quiet would move
 * event time on with the wall clock (the idle clock), the demo marks the end of the recording instead, as
 * {@code replay} ends its input: after the recording it ships, to every partition of the events topic, one event
 * about no workload timed just past the longest grace period ({@link RecordingEnd}). The idle clock is off, so
 * however long the analyzer takes to catch up, event time stops exactly there and the result is replay's.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start a local Kafka broker, ship a recorded GPU inference outage through the shipper and the "
                + "analyzer, print the incidents as they open, update and resolve, then clean up."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the demo ran and the live incidents equal replay's", "1:something failed (see stderr)",
                "2:usage error or unreadable recording"})
public final class DemoCommand implements Callable<Integer> {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SETTLE = Duration.ofSeconds(2);
    /**
     * After the input is consumed, how long until the input stage's last watermarks have gone out: the end marker is
     * on the events topic only, and the other topics' partitions hold the watermark until they have been quiet for
     * {@link InputProgress#QUIET_SOURCE}; then the next wall-clock tick publishes it.
     */
    public static final Duration LAST_WATERMARKS = InputProgress.QUIET_SOURCE.plus(SETTLE);

    @Spec
    CommandSpec spec;

    @Option(names = "--recording", paramLabel = "FILE",
            description = "Recording to play (any replay format). Default: samples/gpu-inference-outage.jsonl.")
    Path recording;

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = "Use this broker instead of the local one (default: the running `kafka start` broker, "
                    + "else a throwaway broker on free ports).")
    String bootstrapServers;

    /**
     * One partition by default: the recording is small and the demo quick. Any count gives the same incidents (the
     * correlator's clock waits for the slowest input partition); more shows that on a backlog.
     */
    @Option(names = "--partitions", defaultValue = "1",
            description = "Partitions of each demo topic (default: ${DEFAULT-VALUE}; the result is the same on any "
                    + "number, as the ordering guarantee says).")
    int partitions;

    /** To measure a lateness bound at scale: late signals and live = replay are what the demo reports. */
    @Option(names = "--lateness", paramLabel = "DURATION",
            description = "incidents.lateness of the demo's analyzer and of the replay it is compared with (e.g. PT1S). "
                    + "Default: the analyzer's default.")
    Duration lateness;

    @Option(names = "--color", defaultValue = "auto", description = "auto (when stdout is a terminal), always or never.")
    String color;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final AtomicBoolean tornDown = new AtomicBoolean();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = recording != null ? recording : defaultRecording();
        if (!Files.isReadable(file)) {
            err.println("demo: cannot read the recording " + file);
            return 2;
        }
        boolean colored = "always".equals(color) || ("auto".equals(color) && System.console() != null);
        Thread cleanupOnSignal = new Thread(() -> tearDown(err), "incidents-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnSignal);
        long begin = System.nanoTime();
        try {
            return run(file, out, err, colored, begin);
        } finally {
            tearDown(err);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanupOnSignal);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or ran: nothing to remove
            }
        }
    }

    private int run(Path file, PrintWriter out, PrintWriter err, boolean colored, long begin) throws Exception {
        // Counts what the in-process analyzer meters (late signals) for the summary.
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Metrics.addRegistry(meters);
        started.push(() -> Metrics.removeRegistry(meters));
        DemoBroker broker = DemoBroker.acquire(bootstrapServers, err);
        started.push(broker);
        err.println("demo: using " + broker.description());
        Map<String, Object> client = KafkaClientConfig.load(broker.bootstrapServers(), null, null);
        String applicationId = "incidents-demo-" + System.currentTimeMillis();
        Path stateDir = Files.createTempDirectory("incidents-demo-state");
        started.push(() -> DemoBroker.delete(stateDir));

        Admin admin = Admin.create(client);
        started.push(admin);
        // On a broker of its own the demo uses the DESIGN topic names. On a shared broker it never touches the
        // k8s.* topics: it uses its own run-scoped topics and deletes them afterwards.
        String prefix = broker.shared() ? applicationId + "." : "";
        TopicNames inputs = new TopicNames(prefix + Topics.EVENTS, prefix + Topics.PODS, prefix + Topics.NODES,
                prefix + Topics.PODGROUPS);
        String incidentsJson = prefix + Topics.INCIDENTS_JSON;
        AnalyzerConfig config = AnalyzerConfig.defaults()
                .with(AnalyzerConfig.EVENTS_TOPIC, inputs.events())
                .with(AnalyzerConfig.PODS_TOPIC, inputs.pods())
                .with(AnalyzerConfig.NODES_TOPIC, inputs.nodes())
                .with(AnalyzerConfig.PODGROUPS_TOPIC, inputs.podGroups())
                .with(AnalyzerConfig.INCIDENTS_TOPIC, prefix + Topics.INCIDENTS)
                .with(AnalyzerConfig.INCIDENTS_JSON_TOPIC, incidentsJson)
                .with(AnalyzerConfig.DLQ_TOPIC, prefix + Topics.INCIDENTS_DLQ)
                .with(AnalyzerConfig.IDLE_ADVANCE_INTERVAL, "PT0S")
                .with(AnalyzerConfig.INPUT_PARTITIONS, partitions);
        if (lateness != null) {
            config = config.with(AnalyzerConfig.LATENESS, lateness);
        }
        // The topics analyze would create (AnalyzerTopics, the node view included), under the demo's names.
        List<TopicSpec> topics = AnalyzerTopics.of(config, partitions);
        TopicProvisioner.ensure(admin, topics, (short) 1);
        if (broker.shared()) {
            err.println("demo: on a shared broker: topics " + prefix + "k8s.* (deleted at the end)");
            started.push(() -> forget(admin, applicationId, topics));
        }

        IncidentHistory history = new IncidentHistory();
        IncidentFeed feed = new IncidentFeed(client, incidentsJson, IncidentFeed.endOffsets(client, incidentsJson),
                incident -> {
                    history.add(incident);
                    out.print(IncidentConsole.transition(incident, colored));
                    out.flush();
                });
        started.push(feed);
        AnalyzerService analyzer = new AnalyzerService(config,
                AnalyzerService.streamsProperties(client, applicationId, stateDir.toString(), 0, null));
        started.push(() -> {
            analyzer.closeForGood();
            analyzer.streams().cleanUp();
        });
        analyzer.start();
        await("the analyzer to start", () -> analyzer.state() == KafkaStreams.State.RUNNING);
        err.println("demo: analyzer running (application.id " + applicationId + ")");

        err.println("demo: shipping " + file + " (ship --from) ...");
        err.flush();
        long shipBegin = System.nanoTime();
        int shipped = new RecordingShipper(ProducerSettings.of(broker.bootstrapServers(), null, null, "incidents-demo-ship"),
                inputs, err).ship(List.of(file), null, 0);
        if (shipped != 0) {
            err.println("demo: ship --from exited " + shipped);
            return 1;
        }
        err.printf("demo: shipped in %d ms; the analyzer is catching up%n", Duration.ofNanos(System.nanoTime() - shipBegin).toMillis());
        err.flush();
        Offline offline = replay(file, config);
        RecordingEnd.mark(client, inputs.events(), offline.end());
        Map<TopicPartition, Long> inputEnd = ends(admin, List.of(inputs.events(), inputs.pods(), inputs.nodes()));
        // A big recording takes a while to catch up on: allow for it on top of the per-step timeout.
        Duration catchUp = STEP_TIMEOUT.plusMillis(2 * inputEnd.values().stream().mapToLong(Long::longValue).sum());
        await("the analyzer to consume the recording", () -> consumedUpTo(admin, applicationId, inputEnd), catchUp);
        // ... and its correlators to take in what the input stage routed to them, the end marker's watermark included.
        Thread.sleep(LAST_WATERMARKS.toMillis());
        Map<TopicPartition, Long> routedEnd = ends(admin, List.of(applicationId + "-"
                + IncidentTopology.SIGNALS_BY_SUBJECT + "-repartition"));
        await("the analyzer to correlate the recording", () -> consumedUpTo(admin, applicationId, routedEnd), catchUp);
        await("the last transitions", () -> feed.sinceLastTransition().compareTo(SETTLE) >= 0);

        List<Incident> live = feed.latest();
        out.println();
        out.print(summary(live));
        String liveKey = key(live);
        String offlineKey = key(offline.latest());
        long late = Math.round(meters.find("incidents.signals.late").counters().stream().mapToDouble(c -> c.count()).sum());
        out.printf("%n%d incidents, %d transitions, %d duplicate transitions, %d signals later than the lateness bound; "
                        + "demo took %.1f s%n", live.size(), feed.transitions(), feed.duplicates().size(), late,
                Duration.ofNanos(System.nanoTime() - begin).toMillis() / 1000.0);
        out.flush();
        if (!liveKey.equals(offlineKey) || !feed.duplicates().isEmpty()) {
            err.println("demo: the live incidents differ from `incidents replay " + file + "`:");
            err.println("  live:   " + liveKey);
            err.println("  replay: " + offlineKey);
            return 1;
        }
        out.println("Same incidents as `bin/incidents replay " + file + "` (live = offline).");
        Path report = writeReport(history, file, offline.records());
        out.println("Post-mortem of this run: " + report + " (open it in a browser; `bin/incidents replay --output html "
                + "FILE > report.html` writes one for any recording)");
        out.println("To page or chat: bin/incidents notify --slack-token xoxb-... --slack-channel C0123456789 "
                + "(or --alertmanager http://host:9093, --teams-webhook URL, --webhook URL); see README \"Paging and chat\".");
        return 0;
    }

    /**
     * The transitions just printed, as the post-mortem page {@code replay --output html} writes, under the project's
     * {@code target/} (a temporary directory when that cannot be written).
     */
    private static Path writeReport(IncidentHistory history, Path recording, long records) throws java.io.IOException {
        String html = PostMortemReport.render(history,
                new PostMortemReport.Source(List.of(String.valueOf(recording.getFileName())), records));
        Path dir = Path.of(System.getProperty(BrokerSettings.INCIDENTS_HOME_PROPERTY, "."), "target");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException | SecurityException e) {
            dir = Files.createTempDirectory("incidents-demo-report");
        }
        if (!Files.isWritable(dir)) {
            dir = Files.createTempDirectory("incidents-demo-report");
        }
        return Files.writeString(dir.resolve("demo-report.html"), html).toAbsolutePath().normalize();
    }

    /** What {@code incidents replay FILE} answers, and where the recording's event time ends (for the end marker). */
    private record Offline(List<Incident> latest, Instant end, long records) {
    }

    /** {@code incidents replay FILE} in process: the recording streamed through the same topology, offline. */
    private static Offline replay(Path file, AnalyzerConfig config) {
        Instant last = Instant.EPOCH;
        long count = 0;
        try (RecordStream records = Recordings.stream(List.of(file), new ReadOptions(null, Instant.now()), r -> { });
             Replay replay = new Replay(AnalyzerConfig.defaults(), false)) {
            while (records.hasNext()) {
                Recorded record = records.next();
                last = record.time().isAfter(last) ? record.time() : last;
                replay.pipe(record);
                count++;
            }
            return new Offline(replay.finish().latest(), RecordingEnd.after(last, config), count);
        }
    }

    static String summary(List<Incident> incidents) {
        StringBuilder b = new StringBuilder(String.format("%-9s %-9s %-23s %s%n", "STATUS", "SEVERITY", "CATEGORY", "WHERE"));
        incidents.stream()
                .sorted((x, y) -> x.getId().compareTo(y.getId()))
                .forEach(i -> b.append(String.format("%-9s %-9s %-23s %s%n", i.getStatus(), i.getSeverity(),
                        i.getCategory(), IncidentConsole.subject(i))));
        return b.toString();
    }

    private static String key(List<Incident> incidents) {
        return incidents.stream().map(i -> i.getId() + "=" + i.getStatus()).sorted().collect(Collectors.joining(", "));
    }

    private static Path defaultRecording() {
        String home = System.getProperty(BrokerSettings.INCIDENTS_HOME_PROPERTY, ".");
        return Path.of(home, "samples", "gpu-inference-outage.jsonl");
    }

    static Map<TopicPartition, Long> ends(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> request = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    static boolean consumedUpTo(Admin admin, String group, Map<TopicPartition, Long> end) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        // With exactly-once, committed offsets may sit one past a transaction marker: >= the end seen earlier.
        return end.entrySet().stream().allMatch(e -> e.getValue() == 0 || (committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue()));
    }

    /** Deletes what the demo created on a shared broker: its topics, its internal topics and its consumer group. */
    private static void forget(Admin admin, String applicationId, List<TopicSpec> topics) throws Exception {
        List<String> doomed = new ArrayList<>(topics.stream().map(TopicSpec::name).toList());
        admin.listTopics().names().get().stream().filter(name -> name.startsWith(applicationId + "-")).forEach(doomed::add);
        admin.deleteTopics(doomed).all().get();
        admin.deleteConsumerGroups(List.of(applicationId)).all().get();
    }

    private interface Check {
        boolean done() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        await(what, check, STEP_TIMEOUT);
    }

    private static void await(String what, Check check, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.done()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    /** Closes what was started, newest first, once (from the normal path or from the Ctrl-C hook). */
    private void tearDown(PrintWriter err) {
        if (!tornDown.compareAndSet(false, true)) {
            return;
        }
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                err.println("demo: cleanup: " + e.getMessage());
            }
        }
        err.flush();
    }
}
