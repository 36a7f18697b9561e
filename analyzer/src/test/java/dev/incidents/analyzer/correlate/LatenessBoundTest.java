package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.IncidentTopology;
import dev.incidents.analyzer.PipelineMeters;
import dev.incidents.analyzer.replay.Replay;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.serde.AvroSerde;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lateness bound through the live (two-stage) topology, with live's idle clock and its input read to its end: a
 * record behind its topic's newest by less than {@code incidents.lateness} is taken in event-time order, one further
 * behind is late, applied at once and counted. An Event's time is its one-second {@code lastTimestamp}, while the
 * clock a topic read to its end follows is the pods' millisecond one: of the bound, the second an Event's time may
 * have lost is spent before delivery is (README, Ordering guarantee, The bound).
 */
class LatenessBoundTest {

    static final Path SAMPLE = Path.of("..", "samples", "gpu-inference-outage.jsonl");
    static final AnalyzerConfig CONFIG = AnalyzerConfig.defaults().with(AnalyzerConfig.STORE_CHANGELOG, "true");
    static final List<String> INPUTS = List.of(CONFIG.eventsTopic(), CONFIG.podsTopic(), CONFIG.nodesTopic(),
            CONFIG.podGroupsTopic());
    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    /** Events a second apart, live: event time follows the wall clock. */
    static final int EVENTS = 200;
    static final Duration FRACTION = Duration.ofMillis(437);
    static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

    static Recorded warning;
    static Recorded pod;
    private TopologyTestDriver driver;
    private TestInputTopic<String, KubeEvent> events;
    private TestInputTopic<String, PodSnapshot> pods;
    private Path state;
    private Instant wall = T0;

    @BeforeAll
    static void aWarningEventAndAPod() throws IOException {
        Metrics.addRegistry(METERS);
        List<Recorded> sample = Recordings.read(List.of(SAMPLE),
                new ReadOptions(null, Instant.parse("2025-03-14T12:00:00Z")), r -> { });
        warning = sample.stream()
                .filter(r -> r.kind() == Recorded.Kind.EVENT && "Warning".equals(((KubeEvent) r.value()).getType()))
                .findFirst().orElseThrow();
        pod = sample.stream().filter(r -> r.kind() == Recorded.Kind.POD).findFirst().orElseThrow();
    }

    @AfterAll
    static void removeMeters() {
        Metrics.removeRegistry(METERS);
    }

    @BeforeEach
    void live() throws IOException {
        InputLag lag = InputLag.of(INPUTS);
        Map<TopicPartition, Long> nothingLeft = new HashMap<>();
        INPUTS.forEach(topic -> nothingLeft.put(new TopicPartition(topic, 0), 0L));
        lag.observe(nothingLeft, nothingLeft, 0);
        state = Files.createTempDirectory("incidents-lateness-bound-");
        driver = new TopologyTestDriver(IncidentTopology.build(new StreamsBuilder(), CONFIG, lag),
                Replay.driverSettings(CONFIG, "lateness-bound", state), T0);
        Map<String, Object> serdes = new HashMap<>(CONFIG.asMap());
        events = driver.createInputTopic(CONFIG.eventsTopic(), new StringSerializer(),
                AvroSerde.of(KubeEvent.class, serdes).serializer());
        pods = driver.createInputTopic(CONFIG.podsTopic(), new StringSerializer(),
                AvroSerde.of(PodSnapshot.class, serdes).serializer());
    }

    @AfterEach
    void close() throws IOException {
        driver.close();
        try (var paths = Files.walk(state)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Events stamped with their one-second lastTimestamp, pods with the shipper's clock to the millisecond: an Event of
     * the second before the newest one is in order; one the whole bound before it is late, as the pods' clock has the
     * watermark the bound behind a time up to a second after the newest Event's.
     */
    @Test
    void a_one_second_event_is_late_a_second_sooner_than_the_bound() {
        Instant newest = flowing(Duration.ZERO, true);

        assertThat(late(newest.minus(CONFIG.lateness()).plusSeconds(1))).as("a second less than the bound").isZero();
        assertThat(late(newest.minus(CONFIG.lateness()))).as("the bound").isEqualTo(1);
    }

    @Test
    void a_sub_second_event_is_late_only_beyond_the_bound() {
        Instant newest = flowing(FRACTION, false);

        assertThat(late(newest.minus(CONFIG.lateness()))).as("within the bound").isZero();
        assertThat(late(newest.minus(CONFIG.lateness()).minusMillis(100))).as("beyond it").isEqualTo(1);
    }

    /**
     * Events a second apart, each piped when it happened (plus {@code fraction}), and with {@code withPods} a pod
     * snapshot observed {@link #FRACTION} into each second; returns the newest event's time.
     */
    private Instant flowing(Duration fraction, boolean withPods) {
        Instant time = T0;
        for (int i = 0; i < EVENTS; i++) {
            time = T0.plusSeconds(i).plus(fraction);
            pipe(time, time);
            if (withPods) {
                Instant observed = T0.plusSeconds(i).plus(FRACTION);
                advanceTo(observed);
                PodSnapshot snapshot = PodSnapshot.newBuilder((PodSnapshot) pod.value()).setObservedAt(observed).build();
                pods.pipeInput(new TestRecord<>(pod.key(), snapshot, null, observed));
            }
        }
        return time;
    }

    /**
     * Pipes the event at {@code time} a wall-clock tick after the newest record (the tick sends the watermark that
     * records alone, a step of a second apart, would not yet have); returns how many signals were late.
     */
    private double late(Instant time) {
        double before = PipelineMeters.lateSignals();
        pipe(time, wall.plus(InputProgress.TICK).plusMillis(50));
        return PipelineMeters.lateSignals() - before;
    }

    private void pipe(Instant time, Instant at) {
        advanceTo(at);
        KubeEvent event = KubeEvent.newBuilder((KubeEvent) warning.value()).setLastTimestamp(time).build();
        events.pipeInput(new TestRecord<>(warning.key(), event, null, time));
    }

    private void advanceTo(Instant at) {
        driver.advanceWallClockTime(Duration.between(wall, at));
        wall = at;
    }
}
