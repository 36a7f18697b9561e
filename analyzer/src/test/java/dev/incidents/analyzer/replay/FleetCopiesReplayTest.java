package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.recordings.fleet.FleetRecording;
import dev.incidents.schemas.Incident;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario fixtures copied into a fleet (the bench's {@link FleetRecording}: clusters of renamed copies, each
 * copy's pods deleted and its nodes removed 16-75 minutes after its last record, beside the other copies' traffic and
 * a pool of heartbeating nodes) and replayed together, over hours of event time: each copy opens the categories its
 * fixture expects alone, and a healthy fixture's copies open nothing. What only a long, busy recording shows: a
 * terminating pod restating its old condition after its incident went quiet, a category held back by a better one
 * opening once that one resolved, a copy losing the objects (a gang's PodGroup) its fixture's outcome depends on.
 */
class FleetCopiesReplayTest {

    private static final Path SAMPLE = Path.of("..", "samples", "gpu-inference-outage.jsonl");
    /** A copy's namespaces and nodes end in {@code -c<copy>} (copy 0 is the fixture itself, unrenamed). */
    private static final Pattern COPY = Pattern.compile("-c(\\d+)(?=[./]|$)");
    /**
     * Fixtures whose category depends on the whole cluster's nodes, which the fleet's heartbeating pool (idle GPU nodes
     * no fixture recorded) changes: GPU_FRAGMENTED counts free GPUs over every node known.
     */
    private static final Set<String> CLUSTER_CONTEXT = Set.of("gpu-fragmented-spread-inference");

    @TempDir
    Path dir;

    @Test
    void everyCopyOpensWhatItsFixtureExpectsAndHealthyCopiesNothing() {
        FleetRecording fleet = new FleetRecording(new FleetRecording.Spec(27, 2, 24_000,
                Instant.parse("2025-06-02T08:00:00Z"), Duration.ofHours(3), 0.5, 10, Duration.ofMinutes(5)),
                FleetRecording.fixturesIn(Scenario.DIR, SAMPLE));
        FleetRecording.Written written = fleet.writeTo(dir);
        List<Recorded> records = Recordings.read(written.files(), new ReadOptions(null, Instant.now()), r -> {
            throw new AssertionError(r.toString());
        });
        Replay.Result result = Replay.run(records, AnalyzerConfig.defaults(), false);

        Map<String, Scenario> scenarios = new TreeMap<>();
        Scenario.in(Scenario.DIR).forEach(s -> scenarios.put(s.name(), s));
        Map<Integer, Set<String>> opened = new TreeMap<>();
        result.forEachLatest(i -> copyOf(i).ifPresent(c -> opened.computeIfAbsent(c, k -> new TreeSet<>())
                .add(i.getCategory())));
        List<String> problems = new ArrayList<>();
        Set<Integer> copies = new TreeSet<>();
        for (Recorded r : records) {
            Matcher m = COPY.matcher(r.key());
            while (m.find()) {
                copies.add(Integer.parseInt(m.group(1)));
            }
        }
        int healthyCopies = 0;
        int failureCopies = 0;
        for (int copy : copies) {
            Path fixture = fleet.fixtureOf(copy).orElse(null);
            if (fixture == null) {
                continue;
            }
            String name = fixture.getFileName().toString().replaceFirst("\\.(events\\.json|jsonl|json)$", "");
            Scenario scenario = scenarios.get(name);
            if (scenario == null || CLUSTER_CONTEXT.contains(name)) {
                continue;
            }
            Set<String> expected = new TreeSet<>();
            scenario.expectation().expect.forEach(e -> expected.add(e.category));
            Set<String> allowed = new TreeSet<>(expected);
            allowed.addAll(scenario.expectation().allowOther);
            Set<String> got = opened.getOrDefault(copy, Set.of());
            if (!got.containsAll(expected) || !allowed.containsAll(got)) {
                problems.add(name + " copy " + copy + ": expected " + expected + ", opened " + got);
            }
            if (expected.isEmpty()) {
                healthyCopies++;
            } else {
                failureCopies++;
            }
        }
        assertThat(healthyCopies).as("healthy copies checked").isGreaterThan(20);
        assertThat(failureCopies).as("failure copies checked").isGreaterThan(60);
        assertThat(problems).isEmpty();
    }

    private static java.util.Optional<Integer> copyOf(Incident incident) {
        Matcher m = COPY.matcher(incident.getNamespace() == null || incident.getNamespace().isEmpty()
                ? String.join(" ", incident.getNodes()) : incident.getNamespace());
        return m.find() ? java.util.Optional.of(Integer.parseInt(m.group(1))) : java.util.Optional.empty();
    }
}
