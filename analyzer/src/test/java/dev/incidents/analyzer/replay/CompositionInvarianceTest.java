package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.recordings.BaseRecording;
import dev.incidents.recordings.CopyLayout;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.RecordingCopy;
import dev.incidents.recordings.Recordings;
import dev.incidents.recordings.ScaledRecording;
import dev.incidents.schemas.Cause;
import dev.incidents.schemas.Incident;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Composition invariance (DESIGN.md section 4, ordering guarantee; issue #11 item 4): the incidents of a recording R
 * interleaved with unrelated traffic U equal the incidents of R alone, in replay. R is copy 0 of the demo recording,
 * which is the recording itself; U is 19 renamed copies of it ({@link ScaledRecording}), 3 s apart, then jittered, so
 * that every record of R has other subjects' records around it and other subjects' deadlines between its own.
 *
 * <p>Two kinds of U. In R's cluster, U's nodes are R's cluster's nodes, and a detector may cite the cluster
 * (INSUFFICIENT_GPU lists every node that advertises the GPU): there, read in event-time order, the transitions must be
 * equal and the JSON equal but for the causes' evidence. In another cluster nothing of U is R's business, so U may
 * also be read ahead of R, as when R's partition lags behind U's: within the lateness bound the JSON must still be
 * equal byte for byte, because the clock that fires R's deadlines must not overtake R's evidence in flight.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompositionInvarianceTest {

    static final Path SAMPLE = Path.of("..", "samples", "gpu-inference-outage.jsonl");
    static final int COPIES = 20;
    static final CopyLayout EVENLY = CopyLayout.evenlySpaced(COPIES, Duration.ofSeconds(3));
    static final CopyLayout JITTERED = EVENLY.withJitter(20250314, Duration.ofMillis(2500));
    static final String OTHER_CLUSTER = "prod-eu-west-1";
    /** How far ahead of R the other cluster's copies are read: a partition lag inside the lateness bound used here. */
    static final Duration LEAD = Duration.ofSeconds(5);
    static final Instant NOW = Instant.parse("2025-03-14T12:00:00Z");

    private BaseRecording base;
    private Replay.Result alone;
    private Replay.Result amongEvenly;
    private Replay.Result amongJittered;
    private Replay.Result behindOtherCluster;

    /** Four replays, shared by the tests: the three with 20 copies are most of this class's time. */
    @BeforeAll
    void replay() throws IOException {
        base = BaseRecording.read(SAMPLE);
        alone = replay(read(ScaledRecording.of(base, EVENLY).only(0), null));
        amongEvenly = replay(read(ScaledRecording.of(base, EVENLY), null));
        amongJittered = replay(read(ScaledRecording.of(base, JITTERED), null));
        behindOtherCluster = replay(lagging(read(ScaledRecording.of(base, JITTERED).only(0), null),
                read(ScaledRecording.of(base, JITTERED).only(IntStream.range(1, COPIES).toArray()), OTHER_CLUSTER)));
    }

    @Test
    void copy_0_among_19_copies_in_its_cluster_has_the_transitions_it_has_alone() {
        assertSameTransitions(copy(0, EVENLY, amongEvenly.transitions()), alone.transitions());
    }

    @Test
    void copy_0_among_19_jittered_copies_in_its_cluster_has_the_transitions_it_has_alone() {
        assertSameTransitions(copy(0, JITTERED, amongJittered.transitions()), alone.transitions());
    }

    @Test
    void copy_0_read_5_s_behind_19_jittered_copies_in_another_cluster_has_the_incident_json_it_has_alone() {
        List<Incident> own = behindOtherCluster.transitions().stream()
                .filter(i -> !i.getCluster().equals(OTHER_CLUSTER)).toList();
        assertThat(own.stream().map(CompositionInvarianceTest::transition).toList())
                .as("copy 0's transitions read %s behind another cluster vs alone", LEAD)
                .containsExactlyElementsOf(alone.transitions().stream().map(CompositionInvarianceTest::transition).toList());
        assertThat(json(own)).as("copy 0's incident JSON read %s behind another cluster vs alone", LEAD)
                .containsExactlyElementsOf(json(alone.transitions()));
    }

    @Test
    void every_copy_tells_the_story_of_copy_0() {
        for (CopyLayout layout : List.of(EVENLY, JITTERED)) {
            List<Incident> transitions = (layout == EVENLY ? amongEvenly : amongJittered).transitions();
            Map<String, Long> copy0 = outcomes(copy(0, layout, transitions), layout.copy(0));
            assertThat(copy0).isNotEmpty();
            for (int k = 1; k < COPIES; k++) {
                assertThat(outcomes(copy(k, layout, transitions), layout.copy(k)))
                        .as("copy %d, %s, names mapped to copy 0's", k, layout == EVENLY ? "evenly spaced" : "jittered")
                        .isEqualTo(copy0);
            }
        }
    }

    private static void assertSameTransitions(List<Incident> among, List<Incident> alone) {
        assertThat(among.stream().map(CompositionInvarianceTest::transition).toList())
                .as("copy 0's transitions among other copies vs alone")
                .containsExactlyElementsOf(alone.stream().map(CompositionInvarianceTest::transition).toList());
        assertThat(json(among.stream().map(CompositionInvarianceTest::withoutCauseEvidence).toList()))
                .as("copy 0's incident JSON among other copies vs alone, causes' evidence aside")
                .containsExactlyElementsOf(json(alone.stream().map(CompositionInvarianceTest::withoutCauseEvidence).toList()));
    }

    /** What a chat channel acts on in a transition, without the prose. */
    private static String transition(Incident i) {
        return i.getId() + " #" + i.getOccurrence() + " " + i.getStatus() + " " + i.getCategory() + " " + i.getSeverity()
                + " follows=" + i.getFollows() + " resolution=" + i.getResolution()
                + " pods=" + i.getPods() + " nodes=" + i.getNodes();
    }

    /** The causes as ranked, without the facts a detector may take from the whole cluster. */
    private static Incident withoutCauseEvidence(Incident i) {
        return Incident.newBuilder(i).setCauses(i.getCauses().stream()
                .map(c -> Cause.newBuilder(c).setEvidence(List.of()).build()).toList()).build();
    }

    private static List<String> json(List<Incident> incidents) {
        return incidents.stream().map(IncidentJson::toJson).toList();
    }

    /** How often each (id, occurrence, status, category, severity) occurs, the id in base names. */
    private Map<String, Long> outcomes(List<Incident> transitions, RecordingCopy copy) {
        return transitions.stream()
                .map(i -> baseNames(i.getId(), copy) + " #" + i.getOccurrence() + " " + i.getStatus() + " "
                        + i.getCategory() + " " + i.getSeverity())
                .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    }

    /** The transitions of copy {@code k}'s subjects, in emission order. */
    private List<Incident> copy(int k, CopyLayout layout, List<Incident> transitions) {
        RecordingCopy copy = layout.copy(k);
        return transitions.stream().filter(i -> belongsTo(i, copy)).toList();
    }

    /** A workload incident by its namespace, a node incident by its node (its id is cluster/node/name/CATEGORY). */
    private boolean belongsTo(Incident incident, RecordingCopy copy) {
        if (incident.getNamespace() != null) {
            return base.namespaces().stream().map(copy::namespace).anyMatch(incident.getNamespace()::equals);
        }
        String[] id = incident.getId().split("/");
        return id.length == 4 && base.nodes().stream().map(copy::node).anyMatch(id[2]::equals);
    }

    /** An id with {@code copy}'s namespace or node named as in the base. */
    private String baseNames(String id, RecordingCopy copy) {
        List<String> segments = new ArrayList<>(List.of(id.split("/")));
        for (int s = 1; s < segments.size(); s++) {
            for (String ns : base.namespaces()) {
                if (copy.namespace(ns).equals(segments.get(s))) {
                    segments.set(s, ns);
                }
            }
            for (String node : base.nodes()) {
                if (copy.node(node).equals(segments.get(s))) {
                    segments.set(s, node);
                }
            }
        }
        return String.join("/", segments);
    }

    /**
     * {@code r} and {@code u} in the order a task reads them when r's partition lags {@link #LEAD} behind u's: each
     * input in event-time order, u's records taken {@code LEAD} early. Record times are untouched.
     */
    private static List<Recorded> lagging(List<Recorded> r, List<Recorded> u) {
        List<Recorded> merged = new ArrayList<>(r.size() + u.size());
        int i = 0;
        int j = 0;
        while (i < r.size() || j < u.size()) {
            boolean takeR = j == u.size()
                    || (i < r.size() && !r.get(i).time().isAfter(u.get(j).time().minus(LEAD)));
            merged.add(takeR ? r.get(i++) : u.get(j++));
        }
        return merged;
    }

    /** The records of a scaled recording, every one of them: a rejection fails the test. */
    private static List<Recorded> read(ScaledRecording recording, String cluster) {
        return Recordings.read("scaled", recording.text(), new ReadOptions(cluster, NOW), r -> {
            throw new AssertionError("a scaled recording must read without rejections: " + r);
        });
    }

    /** A lateness bound above {@link #LEAD}: the lag is "in flight", which the ordering guarantee covers. */
    private static Replay.Result replay(List<Recorded> records) {
        return Replay.run(records, AnalyzerConfig.defaults().with(AnalyzerConfig.LATENESS, LEAD.plusSeconds(1)));
    }
}
