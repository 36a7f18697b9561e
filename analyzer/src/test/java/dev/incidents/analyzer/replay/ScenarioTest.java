package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.recordings.Rejection;
import dev.incidents.schemas.Incident;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promtool-style scenario tests: given each recording under {@code src/test/resources/scenarios/}, expect these
 * incidents (SCENARIO-FORMAT.md), through the same {@link Replay} engine as {@code incidents replay}.
 */
class ScenarioTest {

    @TestFactory
    Stream<DynamicTest> every_scenario_gives_its_expected_incidents() {
        return Scenario.all().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            List<Rejection> rejected = new ArrayList<>();
            Replay.Result result = s.replay(rejected);
            assertThat(rejected).as("rejected input lines").isEmpty();
            List<String> problems = s.check(result.latest());
            assertThat(problems).as("%s\nincidents:\n%s", s.name(), describe(result.latest())).isEmpty();
            assertThat(Scenario.unfilledPlaceholders(result.latest())).as("unfilled placeholders").isEmpty();
            assertThat(s.checkTransitions(result)).as("transitions").isEmpty();
        }));
    }

    /** Issue 15: a scenario pins what it is about, the top cause and when each transition happened, not only a category. */
    @Test
    void every_expected_incident_names_its_top_cause_and_its_transitions() {
        List<String> loose = new ArrayList<>();
        for (Scenario s : Scenario.all()) {
            for (Scenario.Expected e : s.expectation().expect) {
                if (e.cause == null || e.transitions == null) {
                    loose.add(s.name() + ": " + e);
                }
            }
        }
        assertThat(loose).as("expected incidents without cause: or transitions:").isEmpty();
    }

    /**
     * A sidecar entry no analyzer could meet is refused when the fixture loads: a namespace on a node incident (keyed by
     * its node), or a namespace the kept input never mentions (crc#4798 and rabbitmq cluster-operator#387 were both
     * measured as misses for that alone).
     */
    @Test
    void an_expectation_the_input_cannot_meet_is_refused_at_load(@TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("paste.events.txt"),
                "Warning  FailedScheduling  9m45s  default-scheduler  0/1 nodes are available: 1 node(s) had untolerated"
                        + " taint {node.kubernetes.io/disk-pressure: }.\n");
        Scenario.Expectation expectation = new Scenario.Expectation();
        Scenario.Expected pressure = new Scenario.Expected();
        pressure.category = "NODE_DISK_PRESSURE";
        pressure.namespace = "testproj";
        expectation.expect.add(pressure);
        assertThatThrownBy(() -> Scenario.checkScoreable("paste", expectation, List.of(input)))
                .hasMessageContaining("node incident");

        pressure.category = "UNTOLERATED_TAINT";
        assertThatThrownBy(() -> Scenario.checkScoreable("paste", expectation, List.of(input)))
                .hasMessageContaining("testproj appears in no input");
        pressure.namespace = null;
        pressure.workload = "Deployment/jkube-application";
        assertThatThrownBy(() -> Scenario.checkScoreable("paste", expectation, List.of(input)))
                .hasMessageContaining("jkube-application appears in no input");
        pressure.workload = null;

        pressure.namespace = "default";
        Scenario.checkScoreable("paste", expectation, List.of(input));
        Files.writeString(input, "$ oc describe pod -n testproj jkube-1-deploy\n", StandardOpenOption.APPEND);
        pressure.namespace = "testproj";
        Scenario.checkScoreable("paste", expectation, List.of(input));
    }

    static String describe(List<Incident> incidents) {
        return incidents.stream().map(i -> "  " + i.getId() + " " + i.getStatus() + " nodes=" + i.getNodes()
                + " pods=" + i.getPods() + " resolution=" + i.getResolution()).collect(Collectors.joining("\n"));
    }

    @TestFactory
    Stream<DynamicTest> replaying_the_same_input_twice_gives_identical_jsonl() {
        List<Scenario> all = Scenario.all();
        Stream<Scenario> some = Stream.concat(all.stream().limit(5),
                all.stream().filter(s -> s.name().equals("gpu-inference-outage")));  // the 518-line demo recording
        return some.map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            String first = jsonl(s.replay(new ArrayList<>()));
            String second = jsonl(s.replay(new ArrayList<>()));
            assertThat(second).isEqualTo(first);
        }));
    }

    private static String jsonl(Replay.Result result) {
        return result.latest().stream().map(IncidentJson::toJson).collect(Collectors.joining("\n"));
    }
}
