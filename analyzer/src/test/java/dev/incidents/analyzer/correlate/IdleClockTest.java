package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.IncidentTopology;
import dev.incidents.analyzer.replay.Replay;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.serde.AvroSerde;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The idle clock moves a quiet input partition's event time on with the wall clock, so a quiet cluster still reaches
 * its deadlines; but only once the partition is read to its end ({@link InputLag}). A catch-up after downtime has
 * quiet moments with a backlog still on the broker: a clock moved then made most of that backlog late (35k of 60k
 * signals at 52k records).
 */
class IdleClockTest {

    static final Path SAMPLE = Path.of("..", "samples", "gpu-inference-outage.jsonl");
    static final AnalyzerConfig CONFIG = AnalyzerConfig.defaults()
            .with(AnalyzerConfig.STORE_CHANGELOG, "false"); // the idle clock at its default: 5 s of quiet
    static final List<String> INPUTS = List.of(CONFIG.eventsTopic(), CONFIG.podsTopic(), CONFIG.nodesTopic());

    private final InputLag lag = InputLag.of(INPUTS);
    private Path state;
    private TopologyTestDriver driver;
    private TestOutputTopic<String, Incident> incidents;

    @BeforeEach
    void pipeTheSampleWithoutFinishingIt() throws IOException {
        state = Files.createTempDirectory("incidents-idle-");
        driver = new TopologyTestDriver(IncidentTopology.build(new StreamsBuilder(), CONFIG, lag),
                Replay.driverSettings(CONFIG, "idle", state), Instant.EPOCH);
        Map<String, Object> serdes = new HashMap<>(CONFIG.asMap());
        TestInputTopic<String, KubeEvent> events = driver.createInputTopic(CONFIG.eventsTopic(), new StringSerializer(),
                AvroSerde.of(KubeEvent.class, serdes).serializer());
        TestInputTopic<String, PodSnapshot> pods = driver.createInputTopic(CONFIG.podsTopic(), new StringSerializer(),
                AvroSerde.of(PodSnapshot.class, serdes).serializer());
        TestInputTopic<String, NodeSnapshot> nodes = driver.createInputTopic(CONFIG.nodesTopic(), new StringSerializer(),
                AvroSerde.of(NodeSnapshot.class, serdes).serializer());
        incidents = driver.createOutputTopic(CONFIG.incidentsTopic(), new StringDeserializer(),
                AvroSerde.of(Incident.class, serdes).deserializer());
        for (Recorded r : Recordings.read(List.of(SAMPLE), new ReadOptions(null, Instant.parse("2025-03-14T12:00:00Z")),
                rejected -> { })) {
            // the wall clock moves while a stream thread works through its input: a task behind its backlog sends a
            // step's watermark once per commit interval of it (InputProgress), 100 ms under exactly-once
            driver.advanceWallClockTime(Duration.ofMillis(100));
            switch (r.kind()) {
                case EVENT -> events.pipeInput(new TestRecord<>(r.key(), (KubeEvent) r.value(), null, r.time()));
                case POD -> pods.pipeInput(new TestRecord<>(r.key(), (PodSnapshot) r.value(), null, r.time()));
                case NODE -> nodes.pipeInput(new TestRecord<>(r.key(), (NodeSnapshot) r.value(), null, r.time()));
                default -> throw new IllegalStateException(r.kind().toString());
            }
        }
    }

    @AfterEach
    void close() throws IOException {
        driver.close();
        try (var paths = Files.walk(state)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void a_partition_with_a_backlog_on_the_broker_is_not_quiet_however_long_it_waits() {
        lag.observe(ends(4_101), committed(3_765)); // 336 records of each input partition not processed yet
        List<Incident> before = incidents.readValuesToList();

        List<Incident> waited = waitOnTheWallClock(Duration.ofMinutes(30));

        assertThat(before).extracting(Incident::getStatus).contains(IncidentStatus.OPEN);
        assertThat(waited).as("transitions while the backlog waits").isEmpty();
    }

    @Test
    void a_partition_processed_to_its_end_is_quiet_and_its_deadlines_fire() {
        lag.observe(ends(4_101), committed(4_101));
        List<Incident> before = incidents.readValuesToList();

        List<Incident> waited = waitOnTheWallClock(Duration.ofMinutes(30));

        assertThat(before).extracting(Incident::getStatus).contains(IncidentStatus.OPEN);
        assertThat(waited).as("transitions of a quiet cluster after 30 min")
                .filteredOn(i -> i.getStatus() == IncidentStatus.RESOLVED)
                .extracting(Incident::getResolution).isNotEmpty().anyMatch(r -> r.startsWith("quiet"));
    }

    @Test
    void a_task_is_caught_up_when_every_input_partition_is_committed_to_its_end() {
        TaskId input = new TaskId(0, 0);
        assertThat(lag.caughtUp(input)).as("never read from the brokers").isFalse();
        lag.observe(ends(10), Map.of());
        assertThat(lag.caughtUp(input)).as("nothing committed yet").isFalse();
        lag.observe(Map.of(new TopicPartition(CONFIG.eventsTopic(), 0), 0L, new TopicPartition(CONFIG.podsTopic(), 0), 0L,
                new TopicPartition(CONFIG.nodesTopic(), 0), 0L), Map.of());
        assertThat(lag.caughtUp(input)).as("empty partitions, nothing committed").isTrue();
        lag.observe(ends(10), committed(10));
        assertThat(lag.caughtUp(input)).isTrue();
        assertThat(lag.caughtUp(new TaskId(0, 1))).as("a partition the brokers did not list").isFalse();
        assertThat(InputLag.ALWAYS.caughtUp(new TaskId(0, 7))).isTrue();
    }

    private static Map<TopicPartition, Long> ends(long offset) {
        return offsets(offset);
    }

    private static Map<TopicPartition, Long> committed(long offset) {
        return offsets(offset);
    }

    private static Map<TopicPartition, Long> offsets(long offset) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        INPUTS.forEach(topic -> offsets.put(new TopicPartition(topic, 0), offset));
        return offsets;
    }

    private List<Incident> waitOnTheWallClock(Duration total) {
        List<Incident> out = new ArrayList<>();
        for (long s = 0; s < total.toSeconds(); s++) {
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            out.addAll(incidents.readValuesToList());
        }
        return out;
    }
}
