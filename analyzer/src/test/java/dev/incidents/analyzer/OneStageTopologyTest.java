package dev.incidents.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.correlate.WriteBackStore;
import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.analyzer.replay.Replay;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.recordings.fleet.FleetRecording;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodGroupSnapshot;
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
import java.util.Set;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay runs the input stage and the correlator in one sub-topology ({@link IncidentTopology#oneStage}); the live
 * application keeps {@code signals-by-subject} and the global views. Both give the same transitions at the same event
 * times: a fleet recording of four clusters (nodes, GPU placements, every failure fixture) through both.
 */
class OneStageTopologyTest {

    static final Path SCENARIOS = Path.of("src", "test", "resources", "scenarios");
    static final Path SAMPLE = Path.of("..", "samples", "gpu-inference-outage.jsonl");

    @Test
    void replay_runs_in_one_sub_topology_without_internal_topics_or_global_stores() {
        AnalyzerConfig replay = AnalyzerConfig.defaults().with(AnalyzerConfig.STORE_CHANGELOG, "false");
        TopologyDescription description = IncidentTopology.build(new StreamsBuilder(), replay).describe();

        assertThat(IncidentTopology.oneStage(replay)).isTrue();
        assertThat(description.subtopologies()).as(description.toString()).hasSize(1);
        assertThat(description.globalStores()).isEmpty();
        assertThat(description.toString()).doesNotContain("repartition").doesNotContain(replay.nodesViewTopic())
                .doesNotContain(replay.placementsViewTopic()).doesNotContain(replay.incidentsJsonTopic());
        assertThat(description.subtopologies().iterator().next().nodes()).filteredOn(n -> n.name().equals("correlate"))
                .singleElement().extracting(n -> ((TopologyDescription.Processor) n).stores())
                .isEqualTo(Set.of(IncidentTopology.SUBJECTS_STORE,
                        IncidentTopology.INCIDENTS_STORE, IncidentTopology.BUFFER_STORE, IncidentTopology.WATERMARKS_STORE,
                        IncidentTopology.NODES_STORE, IncidentTopology.PLACEMENTS_STORE));
    }

    @Test
    void live_configurations_keep_both_stages_and_the_global_views() {
        AnalyzerConfig defaults = AnalyzerConfig.defaults();
        for (AnalyzerConfig live : List.of(defaults, defaults.with(AnalyzerConfig.INPUT_PARTITIONS, "3"),
                defaults.with(AnalyzerConfig.INPUT_PARTITIONS, "3").with(AnalyzerConfig.STORE_CHANGELOG, "false"))) {
            TopologyDescription description = IncidentTopology.build(new StreamsBuilder(), live).describe();

            assertThat(IncidentTopology.oneStage(live)).isFalse();
            assertThat(description.subtopologies()).as(description.toString()).hasSize(2);
            assertThat(description.globalStores()).hasSize(2);
            assertThat(description.toString()).contains("topics: [signals-by-subject-repartition]")
                    .contains("topic: " + live.incidentsJsonTopic());
        }
    }

    /**
     * Replay's pod owners and incidents are kept as objects (no serde and sorted map of bytes per look-up); live's
     * stores are the changelogged stores themselves.
     */
    @Test
    void replay_keeps_pod_owners_and_incidents_as_objects_and_live_its_changelogged_stores(@TempDir Path dir) {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            assertThat(replay.driver().getAllStateStores().get(PodOwners.STORE)).isInstanceOf(WriteBackStore.class);
            assertThat(replay.driver().getAllStateStores().get(IncidentTopology.INCIDENTS_STORE))
                    .isInstanceOf(WriteBackStore.class);
        }
        AnalyzerConfig live = AnalyzerConfig.defaults();
        try (TopologyTestDriver driver = new TopologyTestDriver(IncidentTopology.build(new StreamsBuilder(), live),
                Replay.driverSettings(live, "live", dir), Instant.EPOCH)) {
            assertThat(driver.getAllStateStores().get(PodOwners.STORE)).isNotInstanceOf(WriteBackStore.class);
            assertThat(driver.getAllStateStores().get(IncidentTopology.INCIDENTS_STORE))
                    .isNotInstanceOf(WriteBackStore.class);
        }
    }

    @Test
    void one_stage_and_two_stages_give_the_same_transitions_at_the_same_times(@TempDir Path dir) throws IOException {
        FleetRecording.Written fleet = new FleetRecording(FleetRecording.Spec.of(6_000),
                FleetRecording.fixturesIn(SCENARIOS, SAMPLE)).writeTo(dir.resolve("fleet"));
        List<Recorded> records = Recordings.read(fleet.files(), new ReadOptions(null, Instant.EPOCH), r -> {
            throw new AssertionError("a fleet recording reads without rejections: " + r);
        });

        Replay.Result oneStage = Replay.run(records, AnalyzerConfig.defaults());
        List<String> twoStages = twoStages(records, dir.resolve("state"));

        assertThat(oneStage.transitions()).hasSizeGreaterThan(50);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < oneStage.transitions().size(); i++) {
            expected.add(oneStage.transitionTimes().get(i) + " " + IncidentJson.toJson(oneStage.transitions().get(i)));
        }
        assertThat(expected).containsExactlyElementsOf(twoStages);
    }

    /**
     * The same records through the live shape of the topology (repartition topic, global views), in the driver under
     * replay's settings but with changelogged stores, which is what keeps both stages.
     */
    private static List<String> twoStages(List<Recorded> records, Path state) throws IOException {
        Files.createDirectories(state);
        AnalyzerConfig config = AnalyzerConfig.defaults().with(AnalyzerConfig.IDLE_ADVANCE_INTERVAL, "PT1S")
                .with(AnalyzerConfig.INPUT_PARTITIONS, "1").with(AnalyzerConfig.LATENESS, Duration.ZERO.toString());
        assertThat(IncidentTopology.oneStage(config)).isFalse();
        Map<String, Object> serdes = new HashMap<>(config.asMap());
        List<String> transitions = new ArrayList<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(IncidentTopology.build(new StreamsBuilder(), config),
                Replay.driverSettings(config, "two-stages", state), Instant.EPOCH)) {
            StringSerializer keys = new StringSerializer();
            TestInputTopic<String, KubeEvent> events = driver.createInputTopic(config.eventsTopic(), keys,
                    AvroSerde.of(KubeEvent.class, serdes).serializer());
            TestInputTopic<String, PodSnapshot> pods = driver.createInputTopic(config.podsTopic(), keys,
                    AvroSerde.of(PodSnapshot.class, serdes).serializer());
            TestInputTopic<String, NodeSnapshot> nodes = driver.createInputTopic(config.nodesTopic(), keys,
                    AvroSerde.of(NodeSnapshot.class, serdes).serializer());
            TestInputTopic<String, PodGroupSnapshot> podGroups = driver.createInputTopic(config.podGroupsTopic(), keys,
                    AvroSerde.of(PodGroupSnapshot.class, serdes).serializer());
            TestOutputTopic<String, Incident> incidents = driver.createOutputTopic(config.incidentsTopic(),
                    new StringDeserializer(), AvroSerde.of(Incident.class, serdes).deserializer());
            for (Recorded r : records) {
                switch (r.kind()) {
                    case EVENT -> events.pipeInput(new TestRecord<>(r.key(), (KubeEvent) r.value(), null, r.time()));
                    case POD -> pods.pipeInput(new TestRecord<>(r.key(), (PodSnapshot) r.value(), null, r.time()));
                    case NODE -> nodes.pipeInput(new TestRecord<>(r.key(), (NodeSnapshot) r.value(), null, r.time()));
                    case PODGROUP -> podGroups.pipeInput(new TestRecord<>(r.key(), (PodGroupSnapshot) r.value(), null, r.time()));
                    default -> throw new IllegalStateException(r.kind().toString());
                }
            }
            driver.advanceWallClockTime(config.longestGrace().plusSeconds(1));
            for (TestRecord<String, Incident> emitted : incidents.readRecordsToList()) {
                transitions.add(emitted.getRecordTime() + " " + IncidentJson.toJson(emitted.getValue()));
            }
        } finally {
            try (var paths = Files.walk(state)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return transitions;
    }
}
