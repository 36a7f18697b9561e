package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.Phase;
import dev.incidents.schemas.Severity;
import dev.incidents.schemas.WorkloadRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenario checker itself (issue #11 item 7): a fixture passes only with exactly the incidents it expects. */
class ScenarioCheckTest {

    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");

    /** Expects Deployment/triton IMAGE_PULL_DISK_FULL, OPEN, and nothing else. */
    private static Scenario tritonDiskFull(String... allowOther) {
        Scenario.Expected triton = new Scenario.Expected();
        triton.category = "IMAGE_PULL_DISK_FULL";
        triton.workload = "Deployment/triton";
        triton.status = "OPEN";
        Scenario.Expectation expectation = new Scenario.Expectation();
        expectation.expect.add(triton);
        expectation.allowOther.addAll(List.of(allowOther));
        return new Scenario("triton-disk-full", List.of(), expectation);
    }

    @Test
    void the_expected_incidents_and_nothing_else_pass() {
        assertThat(tritonDiskFull().check(List.of(incident("triton", "IMAGE_PULL_DISK_FULL")))).isEmpty();
    }

    @Test
    void a_second_incident_of_a_category_expected_once_fails() {
        List<String> problems = tritonDiskFull().check(List.of(
                incident("triton", "IMAGE_PULL_DISK_FULL"), incident("vllm-llama3", "IMAGE_PULL_DISK_FULL")));

        assertThat(problems).singleElement().asString()
                .startsWith("unexpected test/inference/Deployment/vllm-llama3/IMAGE_PULL_DISK_FULL OPEN");
    }

    @Test
    void an_incident_of_a_category_nobody_expects_fails() {
        assertThat(tritonDiskFull().check(List.of(
                incident("triton", "IMAGE_PULL_DISK_FULL"), incident("triton", "CRASH_LOOP"))))
                .containsExactly("unexpected test/inference/Deployment/triton/CRASH_LOOP OPEN");
    }

    @Test
    void allow_other_tolerates_extra_incidents_of_its_categories_only() {
        Scenario tolerant = tritonDiskFull("NODE_DISK_PRESSURE", "IMAGE_PULL_DISK_FULL");

        assertThat(tolerant.check(List.of(incident("triton", "IMAGE_PULL_DISK_FULL"),
                incident("vllm-llama3", "IMAGE_PULL_DISK_FULL"), incident("triton", "CRASH_LOOP"))))
                .containsExactly("unexpected test/inference/Deployment/triton/CRASH_LOOP OPEN");
    }

    @Test
    void an_expected_incident_that_is_missing_fails_even_when_another_of_its_category_is_there() {
        assertThat(tritonDiskFull().check(List.of(incident("vllm-llama3", "IMAGE_PULL_DISK_FULL"))))
                .containsExactly("expected IMAGE_PULL_DISK_FULL Deployment/triton OPEN not found",
                        "unexpected test/inference/Deployment/vllm-llama3/IMAGE_PULL_DISK_FULL OPEN"
                                + " (one more than the fixture expects of IMAGE_PULL_DISK_FULL)");
    }

    /**
     * The real-world suite's check: another workload of the namespace failing alike is in the matched incident's group
     * (one notification), so it is tolerated there; a different category, or one with no matched incident in its
     * group, is not.
     */
    @Test
    void grouped_tolerates_only_the_incidents_in_the_group_of_a_matched_one() {
        List<Incident> alike = List.of(incident("triton", "IMAGE_PULL_DISK_FULL"),
                incident("vllm-llama3", "IMAGE_PULL_DISK_FULL"));
        assertThat(tritonDiskFull().checkGrouped(alike)).isEmpty();
        assertThat(tritonDiskFull().check(alike)).hasSize(1);

        assertThat(tritonDiskFull().checkGrouped(List.of(incident("triton", "IMAGE_PULL_DISK_FULL"),
                incident("triton", "CRASH_LOOP"))))
                .containsExactly("unexpected test/inference/Deployment/triton/CRASH_LOOP OPEN");
        assertThat(tritonDiskFull().checkGrouped(List.of(incident("vllm-llama3", "IMAGE_PULL_DISK_FULL"))))
                .hasSize(2);
    }

    private static Incident incident(String deployment, String category) {
        return Incident.newBuilder()
                .setId("test/inference/Deployment/" + deployment + "/" + category)
                .setStatus(IncidentStatus.OPEN)
                .setCategory(category)
                .setPhase(Phase.STARTUP) // no field default: the enum's default is for readers of unknown symbols
                .setSeverity(Severity.WARNING)
                .setCluster("test")
                .setNamespace("inference")
                .setWorkload(WorkloadRef.newBuilder().setKind("Deployment").setName(deployment).build())
                .setTitle(category + " " + deployment)
                .setSummary("")
                .setFirstSeen(T0)
                .setLastSeen(T0)
                .build();
    }
}
