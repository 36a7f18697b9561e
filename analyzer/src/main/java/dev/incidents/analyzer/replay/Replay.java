package dev.incidents.analyzer.replay;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.IncidentTopology;
import dev.incidents.recordings.EncodedRecord;
import dev.incidents.recordings.Recorded;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodGroupSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.TopicKeys;
import dev.incidents.schemas.serde.AvroSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The offline engine behind {@code replay}, the scenario tests and demos: the real {@link IncidentTopology} driven by
 * {@link TopologyTestDriver} (no broker), with the real serdes and a temporary state directory. Feed records in
 * event-time order, then {@link #finish()}: it advances event time just past the longest grace (through the
 * driver's mock wall clock, see {@link dev.incidents.analyzer.correlate.Correlator}) so pending detections fire, and
 * returns every transition in order plus the latest state of each incident.
 */
public final class Replay implements AutoCloseable {

    /** What a replay produced. The latest incidents are ordered by first seen, then id: stable across runs. */
    public record Result(List<Incident> transitions, List<Instant> transitionTimes, LatestIncidents incidents,
                         int transitionCount, int deadLettered) {

        /** The latest state of each incident, all decoded at once. */
        public List<Incident> latest() {
            return incidents.list();
        }

        /** The latest state of each incident, decoded one at a time: what a long replay prints. */
        public void forEachLatest(Consumer<Incident> action) {
            incidents.forEach(action);
        }

        public int incidentCount() {
            return incidents.size();
        }
    }

    private static final String APPLICATION_ID = "incidents-replay";

    /** Records piped between two drains of the output topics, so the driver's captured output stays small. */
    private static final int DRAIN_EVERY = 1024;

    private final AnalyzerConfig config;
    private final Path stateDir;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, KubeEvent> events;
    private final TestInputTopic<String, PodSnapshot> pods;
    private final TestInputTopic<String, NodeSnapshot> nodes;
    private final TestInputTopic<String, PodGroupSnapshot> podGroups;
    /** The same topics written with values already encoded ({@link #pipe(EncodedRecord)}), by kind. */
    private final Map<Recorded.Kind, TestInputTopic<String, byte[]>> encoded = new EnumMap<>(Recorded.Kind.class);
    /** As emitted: decoded once to learn its id, kept as bytes ({@link LatestIncidents}). */
    private final TestOutputTopic<String, byte[]> incidents;
    private final Deserializer<Incident> incidentDecoder;
    private final TestOutputTopic<String, byte[]> dlq;
    private final boolean keepTransitions;
    private final List<Incident> transitions = new ArrayList<>();
    /** The event time each kept transition was decided at (its record timestamp). */
    private final List<Instant> transitionTimes = new ArrayList<>();
    private final LatestIncidents latest;
    private int transitionCount;
    private int deadLettered;
    private int sinceDrain;

    /** A replay that keeps every transition (tests, demos). */
    public Replay(AnalyzerConfig analyzerConfig) {
        this(analyzerConfig, true);
    }

    /**
     * @param keepTransitions false keeps only the latest state of each incident, so memory does not grow with the
     *                        length of the input (the {@code replay} command)
     */
    public Replay(AnalyzerConfig analyzerConfig, boolean keepTransitions) {
        this.keepTransitions = keepTransitions;
        // The idle clock is what finish() uses to move event time; the driver's wall clock only moves when told.
        // One input partition, read in event-time order: nothing is in flight, so no lateness bound unless one is
        // asked for (a merge of sources whose clocks or pace differ, as a test of the ordering guarantee does).
        // With one partition and no changelogs the topology runs in one stage (IncidentTopology.oneStage): no
        // signals-by-subject or view topics whose records the driver would keep until read.
        this.config = analyzerConfig.with(AnalyzerConfig.IDLE_ADVANCE_INTERVAL, "PT1S")
                .with(AnalyzerConfig.STORE_CHANGELOG, "false")
                .with(AnalyzerConfig.INPUT_PARTITIONS, "1")
                .with(AnalyzerConfig.LATENESS, analyzerConfig.isSet(AnalyzerConfig.LATENESS)
                        ? analyzerConfig.lateness() : java.time.Duration.ZERO);
        try {
            this.stateDir = Files.createTempDirectory("incidents-replay-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory", e);
        }
        this.driver = new TopologyTestDriver(IncidentTopology.build(new StreamsBuilder(), config),
                driverSettings(config, APPLICATION_ID, stateDir), Instant.EPOCH);
        Map<String, Object> serdeConfig = new LinkedHashMap<>(config.asMap());
        StringSerializer keys = new StringSerializer();
        this.events = driver.createInputTopic(config.eventsTopic(), keys,
                AvroSerde.of(KubeEvent.class, serdeConfig).serializer());
        this.pods = driver.createInputTopic(config.podsTopic(), keys,
                AvroSerde.of(PodSnapshot.class, serdeConfig).serializer());
        this.nodes = driver.createInputTopic(config.nodesTopic(), keys,
                AvroSerde.of(NodeSnapshot.class, serdeConfig).serializer());
        this.podGroups = driver.createInputTopic(config.podGroupsTopic(), keys,
                AvroSerde.of(PodGroupSnapshot.class, serdeConfig).serializer());
        encoded.put(Recorded.Kind.EVENT, driver.createInputTopic(config.eventsTopic(), keys, Serdes.ByteArray().serializer()));
        encoded.put(Recorded.Kind.POD, driver.createInputTopic(config.podsTopic(), keys, Serdes.ByteArray().serializer()));
        encoded.put(Recorded.Kind.NODE, driver.createInputTopic(config.nodesTopic(), keys, Serdes.ByteArray().serializer()));
        encoded.put(Recorded.Kind.PODGROUP, driver.createInputTopic(config.podGroupsTopic(), keys,
                Serdes.ByteArray().serializer()));
        this.incidents = driver.createOutputTopic(config.incidentsTopic(), new StringDeserializer(),
                Serdes.ByteArray().deserializer());
        this.incidentDecoder = AvroSerde.of(Incident.class, serdeConfig).deserializer();
        this.latest = new LatestIncidents(incidentDecoder, config.incidentsTopic());
        this.dlq = driver.createOutputTopic(config.dlqTopic(), new StringDeserializer(),
                Serdes.ByteArray().deserializer());
    }

    /**
     * Builds a replay on a thread of its own ({@code replay-topology}), so the caller can do other start-up work
     * meanwhile (the command fills its reader's first reorder window). Close the result: it closes the replay unless
     * {@link Starting#replay()} handed it over.
     */
    public static Starting start(AnalyzerConfig analyzerConfig, boolean keepTransitions) {
        FutureTask<Replay> building = new FutureTask<>(() -> new Replay(analyzerConfig, keepTransitions));
        Thread builder = new Thread(building, "replay-topology");
        builder.setDaemon(true);
        builder.start();
        return new Starting(building);
    }

    /** A replay being built ({@link #start}). */
    public static final class Starting implements AutoCloseable {
        private final FutureTask<Replay> building;
        private boolean handedOver;

        private Starting(FutureTask<Replay> building) {
            this.building = building;
        }

        /** Waits for the replay; the caller closes it from then on. A failure to build it is thrown here. */
        public Replay replay() {
            handedOver = true;
            return built();
        }

        private Replay built() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return building.get();
                    } catch (InterruptedException e) {
                        interrupted = true; // the builder runs to its end either way; its replay must be closed
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof RuntimeException r) {
                            throw r;
                        }
                        if (e.getCause() instanceof Error error) {
                            throw error;
                        }
                        throw new IllegalStateException("cannot build the replay", e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** The replay once built, still closed by this unless handed over (tests). */
        Replay awaitBuilt() {
            return built();
        }

        /** Closes the replay if it was never handed over (the caller failed before it needed it). */
        @Override
        public void close() {
            if (!handedOver) {
                handedOver = true;
                try {
                    built().close();
                } catch (RuntimeException ignored) {
                    // it failed to build: nothing to close, and the caller's own failure is the one to report
                }
            }
        }
    }

    /**
     * The settings under which the topology runs in {@link TopologyTestDriver} here and in the tests that drive it
     * directly: the topology's own settings, at-least-once (the driver has no transactions), no idle wait.
     */
    public static Properties driverSettings(AnalyzerConfig config, String applicationId, Path stateDir) {
        Properties props = new Properties();
        props.putAll(IncidentTopology.streamsSettings(config));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, applicationId + ".invalid:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        // Records are piped one at a time in the order to process them: there is never another partition's data to
        // wait for, and the check for it (a log line formatted per record) was a tenth of a replay's time.
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        return props;
    }

    /** Replays {@code records} (in event-time order, as {@code Recordings.read} returns them) start to finish. */
    public static Result run(List<Recorded> records, AnalyzerConfig config) {
        return run(records, config, true);
    }

    public static Result run(List<Recorded> records, AnalyzerConfig config, boolean keepTransitions) {
        try (Replay replay = new Replay(config, keepTransitions)) {
            for (Recorded r : records) {
                replay.pipe(r);
            }
            return replay.finish();
        }
    }

    /** One recorded record onto its input topic, timestamped with its event time. */
    public void pipe(Recorded r) {
        switch (r.kind()) {
            case EVENT -> {
                events.pipeInput(new TestRecord<>(r.key(), (KubeEvent) r.value(), null, r.time()));
                piped();
            }
            case POD -> pod(r.key(), (PodSnapshot) r.value(), r.time());
            case NODE -> node(r.key(), (NodeSnapshot) r.value(), r.time());
            case PODGROUP -> podGroup(r.key(), (PodGroupSnapshot) r.value(), r.time());
            default -> throw new IllegalArgumentException("unknown kind " + r.kind());
        }
    }

    /**
     * One record whose value is still in the single-object encoding the reader held it in
     * ({@code RecordStream#nextEncoded}), piped as those bytes: the topology reads them as it reads a shipper's, and
     * the value is neither decoded by the reader nor serialized again here.
     */
    public void pipe(EncodedRecord r) {
        TestInputTopic<String, byte[]> topic = encoded.get(r.kind());
        if (topic == null) {
            pipe(r.decoded()); // a kind this replay has no encoded topic for goes the decoded way
            return;
        }
        topic.pipeInput(new TestRecord<>(r.key(), r.value(), null, r.time()));
        piped();
    }

    public AnalyzerConfig config() {
        return config;
    }

    public void event(KubeEvent event, Instant time) {
        events.pipeInput(new TestRecord<>(TopicKeys.event(event), event, null, time));
        piped();
    }

    /** A pod snapshot, or a tombstone ({@code pod == null}) for the pod of {@code key}. */
    public void pod(String key, PodSnapshot pod, Instant time) {
        pods.pipeInput(new TestRecord<>(key, pod, null, time));
        piped();
    }

    /** A gang object snapshot (PodGroup, Workload), or its tombstone. */
    public void podGroup(String key, PodGroupSnapshot group, Instant time) {
        podGroups.pipeInput(new TestRecord<>(key, group, null, time));
        piped();
    }

    public void node(String key, NodeSnapshot node, Instant time) {
        nodes.pipeInput(new TestRecord<>(key, node, null, time));
        piped();
    }

    /** Raw bytes on the events topic, as a broken producer would write them (for DLQ tests). */
    public void rawEvent(String key, byte[] bytes, Instant time) {
        driver.createInputTopic(config.eventsTopic(), new StringSerializer(), Serdes.ByteArray().serializer())
                .pipeInput(new TestRecord<>(key, bytes, null, time));
    }

    /** Transitions emitted so far (drains the output topic); empty unless transitions are kept. */
    public List<Incident> transitions() {
        drain();
        return List.copyOf(transitions);
    }

    /**
     * Moves event time on by {@code duration} without input (as a quiet live cluster would): decisions up to the
     * newest record plus {@code duration} are taken, the lateness bound included.
     */
    public void advance(Duration duration) {
        driver.advanceWallClockTime(duration.plus(config.lateness()));
        drain();
    }

    /** End of input: advance just past the longest grace, not the quiet period; then the result. */
    public Result finish() {
        advance(config.longestGrace().plusSeconds(1));
        return new Result(List.copyOf(transitions), List.copyOf(transitionTimes), latest, transitionCount,
                deadLettered);
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    /** The driver's temporary state directory, deleted on {@link #close()}. */
    Path stateDir() {
        return stateDir;
    }

    private void piped() {
        if (++sinceDrain >= DRAIN_EVERY) {
            drain();
        }
    }

    private void drain() {
        sinceDrain = 0;
        while (!incidents.isEmpty()) {
            TestRecord<String, byte[]> emitted = incidents.readRecord();
            Incident incident = incidentDecoder.deserialize(config.incidentsTopic(), emitted.value());
            transitionCount++;
            latest.put(incident, emitted.value());
            if (keepTransitions) {
                transitions.add(incident);
                transitionTimes.add(emitted.getRecordTime());
            }
        }
        while (!dlq.isEmpty()) {
            dlq.readRecord();
            deadLettered++;
        }
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            deleteRecursively(stateDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is not worth failing a replay for
        }
    }
}
