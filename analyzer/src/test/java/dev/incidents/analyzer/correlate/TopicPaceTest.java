package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.IncidentTopology;
import dev.incidents.analyzer.PipelineMeters;
import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.analyzer.replay.Replay;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ordering guarantee inside one input partition, now that {@code analyze} runs with {@code max.task.idle.ms} 0:
 * Kafka Streams then merges a task's topics in timestamp order only as far as their records are on the brokers, and
 * a topic whose producer is behind another's reaches the task after that topic's newer records. Each input topic's
 * partition has its own clock ({@link InputProgress}), so those records are not late and the incidents are those of
 * the records in event-time order. Driven through the two-stage (live) topology, with the input read to its end as a
 * running analyzer's {@link InputLag} says it.
 */
class TopicPaceTest {

    static final Path SAMPLE = Path.of("..", "samples", "gpu-inference-outage.jsonl");
    /** A PyTorchJob's workers: their events name only the pod, whose name alone would say StatefulSet. */
    static final Path GANG = Path.of("src", "test", "resources", "scenarios", "gang-partially-placed-coscheduling.jsonl");
    /** Live's topology: the input stage, {@code signals-by-subject} and the correlator, changelogged stores. */
    static final AnalyzerConfig CONFIG = AnalyzerConfig.defaults().with(AnalyzerConfig.STORE_CHANGELOG, "true");
    static final List<String> INPUTS = List.of(CONFIG.eventsTopic(), CONFIG.podsTopic(), CONFIG.nodesTopic(),
            CONFIG.podGroupsTopic());
    /** How far ahead of a late topic's records the other topics' records reach the task. */
    static final Duration AHEAD = Duration.ofSeconds(30);
    /** Wall time per record: a stream thread's clock moves, but no topic goes quiet for the idle interval. */
    static final Duration PER_RECORD = Duration.ofMillis(5);

    static List<Recorded> recording;
    static List<String> inOrder;
    /** Late signals are counted in Micrometer's global registry, which has no registry of its own in tests. */
    static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

    @BeforeAll
    static void theRecordsInEventTimeOrder() throws IOException {
        Metrics.addRegistry(METERS);
        recording = read(SAMPLE, "2025-03-14T12:00:00Z");
        inOrder = run(recording).transitions;
        assertThat(inOrder).hasSizeGreaterThanOrEqualTo(5);
        assertThat(run(recording, InputLag.ALWAYS).transitions).as("as replay's driver takes them")
                .containsExactlyElementsOf(inOrder);
    }

    @AfterAll
    static void removeMeters() {
        Metrics.removeRegistry(METERS);
    }

    @Test
    void pods_reaching_the_task_after_newer_events_and_nodes_are_not_late() throws IOException {
        Run run = run(delayed(recording, r -> r.kind() == Recorded.Kind.POD));

        assertThat(run.late).as("late signals").isZero();
        assertThat(run.transitions).containsExactlyElementsOf(inOrder);
    }

    /**
     * A pod's events are routed to the workload its snapshots name (a PyTorchJob), not to the one its name suggests
     * (a StatefulSet {@code <job>-worker}): when the pods topic lags, an event of a pod not seen yet waits for the
     * pods topic to pass its time, as replay would have routed it.
     */
    @Test
    void events_of_pods_not_seen_yet_wait_for_the_pods_topic_to_name_their_workload() throws IOException {
        List<Recorded> gang = read(GANG, "2025-05-20T11:00:00Z");
        List<String> gangInOrder = run(gang).transitions;
        assertThat(gangInOrder).anyMatch(t -> t.contains("/PyTorchJob/llama-70b-ft/GANG_PARTIALLY_PLACED OPEN"));

        Run run = run(delayed(gang, r -> r.kind() == Recorded.Kind.POD));

        assertThat(run.late).as("late signals").isZero();
        assertThat(run.transitions).noneMatch(t -> t.contains("StatefulSet"))
                .containsExactlyElementsOf(gangInOrder);
    }

    @Test
    void events_reaching_the_task_after_newer_pods_and_nodes_are_not_late() throws IOException {
        Run run = run(delayed(recording, r -> r.kind() == Recorded.Kind.EVENT));

        assertThat(run.late).as("late signals").isZero();
        assertThat(run.transitions).containsExactlyElementsOf(inOrder);
    }

    /**
     * The reverse: the pods topic ahead, as far as the pods' deletion (Kafka Streams gave a catching-up task hours of
     * one topic's event time before the other's). The events before the deletion still go to the workload the pods'
     * snapshots named then, not to the name's guess.
     */
    @Test
    void events_of_pods_deleted_since_on_the_pods_topic_still_go_to_their_owner() throws IOException {
        List<Recorded> gang = new ArrayList<>(read(GANG, "2025-05-20T11:00:00Z"));
        Instant end = gang.get(gang.size() - 1).time().plusSeconds(60);
        List<Recorded> deleted = new ArrayList<>(gang);
        gang.stream().filter(r -> r.kind() == Recorded.Kind.POD).map(r -> ((PodSnapshot) r.value()).getName())
                .distinct().forEach(name -> deleted.add(new Recorded(end, Recorded.Kind.POD,
                        "prod-us-east-1/training/" + name, null, "tombstones", 0)));
        List<String> inOrderWithDeletes = run(deleted).transitions;
        assertThat(inOrderWithDeletes).noneMatch(t -> t.contains("StatefulSet"));

        Run run = run(ahead(deleted, r -> r.kind() == Recorded.Kind.POD));

        assertThat(run.transitions).noneMatch(t -> t.contains("StatefulSet"))
                .containsExactlyElementsOf(inOrderWithDeletes);
    }

    @Test
    void the_tasks_stream_time_alone_would_have_made_them_late() throws IOException {
        Run run = run(delayed(recording, r -> r.kind() == Recorded.Kind.POD), InputLag.ALWAYS);

        assertThat(run.late).as("late signals judged by the task's stream time").isPositive();
    }

    private static List<Recorded> read(Path file, String now) throws IOException {
        return Recordings.read(List.of(file), new ReadOptions(null, Instant.parse(now)), r -> { });
    }

    /** The recording with the chosen topic's records all piped first, the others after them, each in its own order. */
    private static List<Recorded> ahead(List<Recorded> recording, Predicate<Recorded> first) {
        List<Recorded> out = new ArrayList<>(recording.stream().filter(first).toList());
        out.addAll(recording.stream().filter(first.negate()).toList());
        return out;
    }

    /** The recording with the chosen topic's records each piped after every other record up to {@link #AHEAD} newer. */
    private static List<Recorded> delayed(List<Recorded> recording, Predicate<Recorded> late) {
        List<Recorded> held = new ArrayList<>();
        List<Recorded> out = new ArrayList<>();
        for (Recorded r : recording) {
            while (!held.isEmpty() && !held.get(0).time().plus(AHEAD).isAfter(r.time())) {
                out.add(held.remove(0));
            }
            if (late.test(r)) {
                held.add(r);
            } else {
                out.add(r);
            }
        }
        out.addAll(held);
        assertThat(out).isNotEqualTo(recording);
        return out;
    }

    private record Run(List<String> transitions, double late) {
    }

    private static Run run(List<Recorded> records) throws IOException {
        InputLag lag = InputLag.of(INPUTS);
        Map<TopicPartition, Long> nothingLeft = new HashMap<>();
        INPUTS.forEach(topic -> nothingLeft.put(new TopicPartition(topic, 0), 0L));
        lag.observe(nothingLeft, nothingLeft);
        return run(records, lag);
    }

    private static Run run(List<Recorded> records, InputLag lag) throws IOException {
        Path state = Files.createTempDirectory("incidents-topic-pace-");
        double lateBefore = PipelineMeters.lateSignals();
        try (TopologyTestDriver driver = new TopologyTestDriver(IncidentTopology.build(new StreamsBuilder(), CONFIG, lag),
                Replay.driverSettings(CONFIG, "topic-pace", state), Instant.EPOCH)) {
            Map<String, Object> serdes = new HashMap<>(CONFIG.asMap());
            TestInputTopic<String, KubeEvent> events = driver.createInputTopic(CONFIG.eventsTopic(),
                    new StringSerializer(), AvroSerde.of(KubeEvent.class, serdes).serializer());
            TestInputTopic<String, PodSnapshot> pods = driver.createInputTopic(CONFIG.podsTopic(),
                    new StringSerializer(), AvroSerde.of(PodSnapshot.class, serdes).serializer());
            TestInputTopic<String, NodeSnapshot> nodes = driver.createInputTopic(CONFIG.nodesTopic(),
                    new StringSerializer(), AvroSerde.of(NodeSnapshot.class, serdes).serializer());
            TestOutputTopic<String, Incident> incidents = driver.createOutputTopic(CONFIG.incidentsTopic(),
                    new StringDeserializer(), AvroSerde.of(Incident.class, serdes).deserializer());
            for (Recorded r : records) {
                driver.advanceWallClockTime(PER_RECORD);
                switch (r.kind()) {
                    case EVENT -> events.pipeInput(new TestRecord<>(r.key(), (KubeEvent) r.value(), null, r.time()));
                    case POD -> pods.pipeInput(new TestRecord<>(r.key(), (PodSnapshot) r.value(), null, r.time()));
                    case NODE -> nodes.pipeInput(new TestRecord<>(r.key(), (NodeSnapshot) r.value(), null, r.time()));
                    default -> throw new IllegalStateException(r.kind().toString());
                }
            }
            // End of input, as replay's: the quiet input's clock moves past the longest grace.
            driver.advanceWallClockTime(CONFIG.longestGrace().plusSeconds(1).plus(CONFIG.lateness()));
            List<String> transitions = incidents.readValuesToList().stream()
                    .map(i -> i.getId() + " " + i.getStatus() + " #" + i.getOccurrence() + " | " + IncidentJson.toJson(i))
                    .toList();
            return new Run(transitions, PipelineMeters.lateSignals() - lateBefore);
        } finally {
            try (var paths = Files.walk(state)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
