package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.IncidentTopology;
import dev.incidents.analyzer.SignalRouting;
import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.analyzer.replay.Replay;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.analyzer.signal.SignalFrames;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.serde.AvroSerde;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ordering guarantee of DESIGN section 4 at the correlator: signals of the demo recording routed from three input
 * partitions, each consumed at its own pace (one far ahead, one lagging, a random interleaving), give exactly the
 * transitions of {@code replay} through one partition. The input stage is replaced by frames piped straight into
 * {@code signals-by-subject}, each followed by its partition's watermark, as {@link InputProgress} sends them.
 */
class PartitionPaceTest {

    private static final String APPLICATION = "pace";
    private static final int PARTITIONS = 3;

    static List<Recorded> recording;
    static List<String> replayed;

    @BeforeAll
    static void replayThroughOnePartition() {
        recording = Recordings.read(List.of(Path.of("..", "samples", "gpu-inference-outage.jsonl")),
                new ReadOptions(null, Instant.now()), r -> { });
        replayed = json(Replay.run(recording, AnalyzerConfig.defaults()).transitions());
        assertThat(replayed).hasSize(10);
    }

    @Test
    void one_partition_far_ahead_of_the_others_changes_nothing() throws IOException {
        List<List<Frame>> partitions = partitioned();
        List<Frame> order = new ArrayList<>();
        partitions.forEach(order::addAll); // partition 0 entirely, then 1, then 2
        assertThat(json(correlate(order))).containsExactlyElementsOf(replayed);
    }

    @Test
    void a_lagging_partition_holds_every_deadline_back() throws IOException {
        List<List<Frame>> partitions = partitioned();
        List<Frame> order = new ArrayList<>();
        order.addAll(partitions.get(2));
        order.addAll(interleaved(List.of(partitions.get(0), partitions.get(1)), new Random(7)));
        assertThat(json(correlate(order))).containsExactlyElementsOf(replayed);
    }

    @Test
    void any_interleaving_of_the_partitions_gives_replays_transitions() throws IOException {
        for (long seed = 1; seed <= 5; seed++) {
            List<Frame> order = interleaved(partitioned(), new Random(seed));
            assertThat(json(correlate(order))).as("seed " + seed).containsExactlyElementsOf(replayed);
        }
    }

    /** One frame on {@code signals-by-subject}: a signal or a watermark, from one input partition. */
    private record Frame(String key, byte[] value, long time) {
    }

    /** The recording's signals, by the input partition their record's key hashes to, each followed by a watermark. */
    private static List<List<Frame>> partitioned() {
        List<List<Frame>> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new ArrayList<>());
        }
        long last = 0;
        for (Recorded r : recording) {
            int p = Utils.toPositive(Utils.murmur2(r.key().getBytes())) % PARTITIONS;
            long time = r.time().toEpochMilli();
            for (KeyValue<String, Signal> signal : signals(r)) {
                partitions.get(p).add(new Frame(signal.key, SignalFrames.signal(p, signal.value), time));
            }
            partitions.get(p).add(new Frame(SignalFrames.WATERMARK_KEY, SignalFrames.watermark(p, time), time));
            last = Math.max(last, time);
        }
        // End of input, as replay's finish(): every partition moves just past the longest grace.
        long end = last + AnalyzerConfig.defaults().longestGrace().toMillis() + 1000;
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.get(p).add(new Frame(SignalFrames.WATERMARK_KEY, SignalFrames.watermark(p, end), end));
        }
        return partitions;
    }

    private static List<KeyValue<String, Signal>> signals(Recorded r) {
        long time = r.time().toEpochMilli();
        return switch (r.kind()) {
            case EVENT -> SignalRouting.event(r.key(), (KubeEvent) r.value());
            case POD -> SignalRouting.podSignals(r.key(), (PodSnapshot) r.value(), time, Optional.empty());
            case NODE -> List.of(SignalRouting.node(r.key(), (NodeSnapshot) r.value(), time));
            case PODGROUP -> List.of();
        };
    }

    /** Merges the partitions' frames at random paces, keeping each partition's own order. */
    private static List<Frame> interleaved(List<List<Frame>> partitions, Random random) {
        List<Frame> out = new ArrayList<>();
        int[] next = new int[partitions.size()];
        while (true) {
            List<Integer> open = new ArrayList<>();
            for (int p = 0; p < partitions.size(); p++) {
                if (next[p] < partitions.get(p).size()) {
                    open.add(p);
                }
            }
            if (open.isEmpty()) {
                return out;
            }
            int p = open.get(random.nextInt(open.size()));
            int burst = 1 + random.nextInt(40);
            for (int i = 0; i < burst && next[p] < partitions.get(p).size(); i++) {
                out.add(partitions.get(p).get(next[p]++));
            }
        }
    }

    private static List<Incident> correlate(List<Frame> frames) throws IOException {
        AnalyzerConfig config = AnalyzerConfig.defaults()
                .with(AnalyzerConfig.STORE_CHANGELOG, "false")
                .with(AnalyzerConfig.IDLE_ADVANCE_INTERVAL, "PT0S")
                .with(AnalyzerConfig.INPUT_PARTITIONS, PARTITIONS);
        Path state = Files.createTempDirectory("incidents-pace-");
        try (TopologyTestDriver driver = new TopologyTestDriver(IncidentTopology.build(new StreamsBuilder(), config),
                Replay.driverSettings(config, APPLICATION, state))) {
            TestInputTopic<String, byte[]> routed = driver.createInputTopic(
                    APPLICATION + "-" + IncidentTopology.SIGNALS_BY_SUBJECT + "-repartition",
                    new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, Incident> incidents = driver.createOutputTopic(config.incidentsTopic(),
                    new StringDeserializer(), AvroSerde.of(Incident.class, new HashMap<>(config.asMap())).deserializer());
            // The cluster-wide node view (a global table, read to rank scheduling causes) is as of processing
            // time, not event time, live as here: it is fed first, as a running cluster's nodes are known up front.
            TestInputTopic<String, NodeSnapshot> view = driver.createInputTopic(config.nodesViewTopic(),
                    new StringSerializer(), AvroSerde.of(NodeSnapshot.class, new HashMap<>(config.asMap())).serializer());
            recording.stream().filter(r -> r.kind() == Recorded.Kind.NODE)
                    .forEach(r -> view.pipeInput(new TestRecord<>(r.key(), (NodeSnapshot) r.value(), null, r.time())));
            for (Frame f : frames) {
                routed.pipeInput(new TestRecord<>(f.key(), f.value(), null, f.time()));
            }
            return incidents.readValuesToList();
        } finally {
            try (var paths = Files.walk(state)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Transitions as a reader compares them: the headline first (short failure messages), then every field. */
    private static List<String> json(List<Incident> incidents) {
        return incidents.stream().map(i -> i.getId() + " " + i.getStatus() + " #" + i.getOccurrence() + " "
                + i.getResolution() + " " + i.getPods() + " " + i.getNodes() + " | " + IncidentJson.toJson(i)).toList();
    }
}
