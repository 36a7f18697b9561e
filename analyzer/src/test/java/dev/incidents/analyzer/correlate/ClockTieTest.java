package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.IncidentTopology;
import dev.incidents.analyzer.SignalRouting;
import dev.incidents.analyzer.replay.Replay;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.analyzer.signal.SignalFrame;
import dev.incidents.analyzer.signal.SignalFrames;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.serde.AvroSerde;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A signal whose time is the clock's own (in whole-second Kubernetes times a common tie: a partition's watermark is
 * its newest time less the two-second bound) is within the lateness bound, so it takes its place in the order like one
 * that came sooner: the clock takes signals before its time only. Before, such a signal was applied at once, after
 * the signals of its time already taken, so the order of two signals of one second, and the incident they made,
 * depended on the pace of the partitions they came from (a {@code CrashIT} run once opened an incident with a signal
 * fewer than {@code replay}). Frames are piped into the correlator's own topic, with the watermarks of two input
 * partitions, so the moment each signal comes relative to the clock is exact.
 */
class ClockTieTest {

    static final Path SAMPLE = Path.of("..", "samples", "gpu-inference-outage.jsonl");
    static final AnalyzerConfig CONFIG = AnalyzerConfig.defaults().with(AnalyzerConfig.STORE_CHANGELOG, "true")
            .with(AnalyzerConfig.INPUT_PARTITIONS, "2");
    static final String APPLICATION = "clock-tie";
    static final String FRAMES = APPLICATION + "-" + IncidentTopology.SIGNALS_BY_SUBJECT + "-repartition";

    static Instant time;
    static KeyValue<String, Signal> failedScheduling;
    static KeyValue<String, Signal> scheduled;

    /** The sample's first FailedScheduling (Insufficient nvidia.com/gpu) and the pod's Scheduled of the same moment. */
    @BeforeAll
    static void twoEventsOfOneMoment() throws IOException {
        Recorded record = Recordings.read(List.of(SAMPLE), new ReadOptions(null, Instant.parse("2025-03-14T12:00:00Z")),
                        r -> { }).stream()
                .filter(r -> r.kind() == Recorded.Kind.EVENT)
                .filter(r -> "FailedScheduling".equals(((KubeEvent) r.value()).getReason()))
                .findFirst().orElseThrow();
        KubeEvent failed = (KubeEvent) record.value();
        KubeEvent assigned = KubeEvent.newBuilder(failed).setUid(failed.getUid() + "-scheduled")
                .setName(failed.getName() + "-scheduled").setReason("Scheduled").setType("Normal")
                .setMessage("Successfully assigned " + failed.getInvolvedObject().getNamespace() + "/"
                        + failed.getInvolvedObject().getName() + " to gpu-node-1")
                .build();
        time = record.time();
        failedScheduling = SignalRouting.event(record.key(), failed).get(0);
        scheduled = SignalRouting.event(record.key(), assigned).get(0);
        assertThat(scheduled.key).isEqualTo(failedScheduling.key);
    }

    @Test
    void a_signal_at_the_clocks_time_takes_its_place_however_late_in_the_bound_it_comes() throws IOException {
        // ties go by input partition: the Scheduled (partition 0) before the FailedScheduling (partition 1), which
        // then stands and opens; the other way round the pod was scheduled after its verdict, and nothing opens
        List<String> opens = run(failedScheduling, scheduled, false);
        List<String> opensNothing = run(scheduled, failedScheduling, false);
        assertThat(opens).first().asString().startsWith("OPEN INSUFFICIENT_GPU");
        assertThat(opensNothing).isEmpty();

        assertThat(run(failedScheduling, scheduled, true)).as("the Scheduled at the clock's time").isEqualTo(opens);
        assertThat(run(scheduled, failedScheduling, true)).as("the FailedScheduling at the clock's time")
                .isEqualTo(opensNothing);
    }

    /**
     * {@code first} from input partition 1, then {@code second} from partition 0, of the same time: both before the
     * clock reaches that time, or the second only once it has; then an hour of event time. The transitions made.
     */
    private static List<String> run(KeyValue<String, Signal> first, KeyValue<String, Signal> second,
                                    boolean secondAtTheClock) throws IOException {
        Path state = Files.createTempDirectory("clock-tie-");
        try (TopologyTestDriver driver = new TopologyTestDriver(IncidentTopology.build(new StreamsBuilder(), CONFIG),
                Replay.driverSettings(CONFIG, APPLICATION, state), time)) {
            TestInputTopic<String, SignalFrame> frames = driver.createInputTopic(FRAMES, new StringSerializer(),
                    SignalFrame.SERDE.serializer());
            frames.pipeInput(new TestRecord<>(first.key, SignalFrame.of(1, first.value), null, time));
            if (!secondAtTheClock) {
                frames.pipeInput(new TestRecord<>(second.key, SignalFrame.of(0, second.value), null, time));
            }
            watermarks(frames, time);
            if (secondAtTheClock) {
                frames.pipeInput(new TestRecord<>(second.key, SignalFrame.of(0, second.value), null, time));
            }
            watermarks(frames, time.plus(Duration.ofHours(1)));
            return driver.createOutputTopic(CONFIG.incidentsTopic(), new StringDeserializer(),
                            AvroSerde.of(Incident.class, new HashMap<>(CONFIG.asMap())).deserializer())
                    .readValuesToList().stream()
                    .map(i -> i.getStatus() + " " + i.getCategory() + " signals=" + i.getSignalCount()).toList();
        } finally {
            try (var paths = Files.walk(state)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Both input partitions at {@code at}: the clock is there. */
    private static void watermarks(TestInputTopic<String, SignalFrame> frames, Instant at) {
        for (int partition = 0; partition < 2; partition++) {
            frames.pipeInput(new TestRecord<>(SignalFrames.WATERMARK_KEY,
                    SignalFrame.watermark(partition, at.toEpochMilli()), null, at));
        }
    }
}
