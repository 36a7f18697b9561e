package dev.incidents.cli;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.IncidentTopology;
import dev.incidents.analyzer.live.AnalyzerTopics;
import dev.incidents.kafka.BrokerSettings;
import dev.incidents.kafka.LocalBroker;
import dev.incidents.kafka.testing.FreePorts;
import dev.incidents.recordings.Recorded;
import dev.incidents.schemas.KafkaClientConfig;
import dev.incidents.schemas.TopicProvisioner;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One fault test's world: a real broker process of its own (its directory and ports kept across a stop and a
 * restart), the DESIGN topics with {@value #PARTITIONS} partitions, and {@code ship --from} and {@code analyze} as
 * separate JVMs ({@link PackagedCli}) that a test kills and restarts. Every process it started it stops on close.
 */
final class ProcessPipeline implements AutoCloseable {
    static final int PARTITIONS = 3;
    /**
     * How a JVM command stopped by SIGTERM exits: 0 when it returned before the signal's shutdown took over, else 143
     * (128 + SIGTERM), which the JVM uses for a shutdown a signal began whatever the command returns after its hook.
     */
    static final List<Integer> STOPPED_BY_SIGTERM = List.of(0, 143);
    private static final List<String> JVM = List.of("-Xmx1g");
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration GIVE_UP = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Path dir;
    final AnalyzerConfig config;
    final LocalBroker broker;
    final Map<String, Object> client;
    final String applicationId = "crash-it";
    private final Path analyzerConfig;
    private final Admin admin;
    private TransitionFeed feed;
    private final List<Process> started = new ArrayList<>();
    private int analyzeStarts;
    private int shipStarts;

    private ProcessPipeline(Path dir, AnalyzerConfig config, LocalBroker broker) throws IOException {
        this.dir = dir;
        this.config = config;
        this.broker = broker;
        this.client = KafkaClientConfig.load(broker.bootstrapServers(), null, null);
        StringBuilder settings = new StringBuilder();
        for (String key : List.of(AnalyzerConfig.IDLE_ADVANCE_INTERVAL, AnalyzerConfig.LATENESS)) {
            if (config.isSet(key)) {
                settings.append(key).append('=').append(config.asMap().get(key)).append('\n');
            }
        }
        this.analyzerConfig = Files.writeString(dir.resolve("analyzer.properties"), settings);
        Map<String, Object> adminSettings = new HashMap<>(client);
        // Short timeouts: the test polls offsets while the broker may be down, and must not hang on one call.
        adminSettings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        adminSettings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        this.admin = Admin.create(adminSettings);
    }

    /**
     * A fresh broker under {@code target/crash-it/<name>-<random>}, with the topics analyze would create; {@code analyze}
     * runs with the idle clock and lateness bound of {@code config}.
     */
    static ProcessPipeline start(String name, AnalyzerConfig config) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "crash-it",
                name + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath());
        int[] ports = FreePorts.two();
        LocalBroker broker = new LocalBroker(BrokerSettings.defaults().withHome(dir.resolve("kafka")).withPorts(ports[0], ports[1]));
        broker.start();
        ProcessPipeline pipeline = new ProcessPipeline(dir, config, broker);
        broker.createTopics(AnalyzerTopics.of(config, PARTITIONS));
        pipeline.feed = new TransitionFeed(pipeline.client, config.incidentsJsonTopic());
        return pipeline;
    }

    /**
     * Whether {@code analyze} runs with static membership ({@code --instance-id}), as deploy/analyzer does; {@code
     * -Dcrash.instance-id=false} measures a restart without it (CrashIT prints the time to processing again).
     */
    static final boolean STATIC_MEMBERSHIP = Boolean.parseBoolean(System.getProperty("crash.instance-id", "true"));

    /** {@code analyze} with this pipeline's application id, state directory and settings, in a JVM of its own. */
    Process analyze() {
        int run = ++analyzeStarts;
        List<String> args = new ArrayList<>(List.of("analyze", "--bootstrap-server", broker.bootstrapServers(),
                "--application-id", applicationId, "--state-dir", dir.resolve("state").toString(),
                "--config", analyzerConfig.toString(), "--http-bind", "127.0.0.1", "--http-port", "0",
                "--partitions", String.valueOf(PARTITIONS)));
        if (STATIC_MEMBERSHIP) {
            args.addAll(List.of("--instance-id", "analyze-0"));
        }
        return launch(dir.resolve("analyze-" + run + ".log"), args.toArray(String[]::new));
    }

    /** {@code ship --from recording}, as fast as possible ({@code rate} 0) or paced, in a JVM of its own. */
    Process ship(Path recording, double rate) {
        int run = ++shipStarts;
        return launch(dir.resolve("ship-" + run + ".log"), "ship", "--from", recording.toString(),
                "--bootstrap-server", broker.bootstrapServers(), "--rate", String.valueOf(rate));
    }

    /** After the whole recording: one end marker per events partition, where replay ends it ({@link RecordingEnd}). */
    void markEnd(List<Recorded> records) throws ExecutionException, InterruptedException {
        RecordingEnd.mark(client, config.eventsTopic(), RecordingEnd.of(records, config));
    }

    /** A CLI command in a JVM of its own, its output appended to {@code log}; the analyzer logs its state changes. */
    private Process launch(Path log, String... args) {
        ProcessBuilder builder = new ProcessBuilder(PackagedCli.command(JVM, args))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("INCIDENTS_LOG_LEVEL", "info");
        try {
            Process process = builder.start();
            started.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records on the input topics now. */
    long inputRecords() throws Exception {
        return sum(ends(inputTopics()));
    }

    /** Input records the analyzer has committed as consumed (its consumer group's offsets on the input topics). */
    long consumed() throws Exception {
        return committed().entrySet().stream().filter(e -> inputTopics().contains(e.getKey().topic()))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Everything the analyzer's group has committed, input and repartition topics alike: moves while it processes. */
    long committedTotal() throws Exception {
        return committed().values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }

    /**
     * Waits until the analyzer has consumed the input topics, then the {@code signals-by-subject} records routed from
     * them (the end markers' watermarks included), then for its transitions: the correlator releases what it buffered
     * a few thousand signals per wall-clock tick, so the topic may pause between two transitions. It waits for the
     * {@code expected} number (replay's), then for {@link #SETTLE} of quiet to read any beyond it; without them, for
     * {@link #GIVE_UP} of quiet.
     */
    void awaitSettled(Duration timeout, int expected) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> inputEnd = ends(inputTopics());
        awaitUntil(deadline, "the analyzer to consume its input", () -> consumedUpTo(inputEnd));
        // The input stage publishes a partition's last watermark on its next wall-clock tick (InputProgress.TICK).
        Thread.sleep(SETTLE.toMillis());
        Map<TopicPartition, Long> routedEnd = ends(List.of(applicationId + "-" + IncidentTopology.SIGNALS_BY_SUBJECT + "-repartition"));
        awaitUntil(deadline, "the analyzer to correlate what it routed", () -> consumedUpTo(routedEnd));
        long[] end = {-1, System.nanoTime(), 0};
        awaitUntil(deadline, "the incident topic to settle", () -> {
            long now = sum(ends(List.of(config.incidentsJsonTopic())));
            if (now != end[0]) {
                end[0] = now;
                end[1] = System.nanoTime();
                end[2] = feed.size();
            }
            long quiet = System.nanoTime() - end[1];
            return quiet >= SETTLE.toNanos() && (end[2] >= expected || quiet >= GIVE_UP.toNanos());
        });
    }

    /**
     * Every transition {@code analyze} committed to {@code k8s.incidents.json} (read_committed, from offset 0), as a
     * {@link TransitionFeed} read them while they came, up to the topic's last stable offsets now.
     */
    List<ConsumerRecord<String, String>> transitions() throws Exception {
        Map<TopicPartition, Long> end = ends(List.of(config.incidentsJsonTopic()), IsolationLevel.READ_COMMITTED);
        awaitUntil(System.nanoTime() + Duration.ofSeconds(30).toNanos(), "the transition feed to read "
                + config.incidentsJsonTopic() + " to its end", () -> feed.readUpTo(end));
        return feed.records();
    }

    /** What {@code k8s.incidents.json} holds now, read from the beginning with {@code read_committed}. */
    List<ConsumerRecord<String, String>> incidentTopic() {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(config.incidentsJsonTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /** SIGTERM, as an orchestrator stops it, and its exit status. */
    static int stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("process " + process.pid() + " ignored SIGTERM for 60 s");
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no close, no commit. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits until the latest {@code analyze} says its Kafka Streams runs (state RUNNING, tasks assigned). */
    void awaitAnalyzing(long deadlineNanos) throws Exception {
        String log = "analyze-" + analyzeStarts;
        awaitUntil(deadlineNanos, log + " to run", () -> read(log).contains("-> RUNNING"));
    }

    /**
     * Signals the latest {@code analyze} took later than the lateness bound (out of event-time order), from its
     * {@code /metrics}: what a run that should be in order must not have, and what a redelivery does.
     */
    double lateSignals() throws Exception {
        Matcher http = Pattern.compile("HTTP on 127\\.0\\.0\\.1:(\\d+)").matcher(read("analyze-" + analyzeStarts));
        if (!http.find()) {
            throw new IllegalStateException("analyze-" + analyzeStarts + " has not said where its HTTP is");
        }
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.group(1)
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return metrics.body().lines().filter(l -> l.startsWith("incidents_signals_late_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private String read(String name) throws IOException {
        Path log = dir.resolve(name + ".log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** The tail of a process's log, for assertion messages. */
    String log(String name) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(name + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        if (feed != null) {
            feed.close();
        }
        admin.close(Duration.ofSeconds(5));
        broker.stop();
    }

    private List<String> inputTopics() {
        return List.of(config.eventsTopic(), config.podsTopic(), config.nodesTopic());
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() throws Exception {
        return admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
    }

    private boolean consumedUpTo(Map<TopicPartition, Long> end) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = committed();
        // With exactly-once, a committed offset may sit one past a transaction marker: >= the end seen earlier.
        return end.entrySet().stream().allMatch(e -> e.getValue() == 0 || (committed.get(e.getKey()) != null
                && committed.get(e.getKey()).offset() >= e.getValue()));
    }

    Map<TopicPartition, Long> ends(List<String> topics) throws Exception {
        return ends(topics, IsolationLevel.READ_UNCOMMITTED);
    }

    /** Where each partition of {@code topics} ends; with {@code READ_COMMITTED}, its last stable offset. */
    private Map<TopicPartition, Long> ends(List<String> topics, IsolationLevel isolation) throws Exception {
        Map<TopicPartition, OffsetSpec> request = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(request, new ListOffsetsOptions(isolation)).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    interface Check {
        boolean done() throws Exception;
    }

    static void awaitUntil(long deadlineNanos, String what, Check check) throws Exception {
        while (!check.done()) {
            if (System.nanoTime() > deadlineNanos) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
