package dev.incidents.analyzer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.Incident;
import org.junit.jupiter.api.Test;

class IncidentConsoleTest {

    @Test
    void plainTextHasWhatOnCallNeeds() {
        String text = IncidentConsole.render(SeedIncidents.seed001(), false);

        assertThat(text.lines().findFirst()).contains("[OPEN] CRITICAL IMAGE_PULL_DISK_FULL  Image pull for triton "
                + "fails: no space left on ip-10-0-1-149.ec2.internal");
        assertThat(text).contains("id         prod-us-east-1/inference/Deployment/triton/IMAGE_PULL_DISK_FULL",
                "where      Workload: Deployment triton in inference | pods: triton-79569cfbbc-m2wcc | nodes: "
                        + "ip-10-0-1-149.ec2.internal",
                "cause      The node's root volume is too small",
                "$ kubectl delete pod triton-79569cfbbc-m2wcc -n inference",
                "seen       2025-06-01T10:01:59Z .. 2025-06-01T10:02:00.250Z, 7 signals");
        assertThat(text).doesNotContain("\u001B");
    }

    @Test
    void colourOnlyAroundOurLabelsAndNoEscapesFromTheCluster() {
        Incident hostile = SeedIncidents.diskFull("inference", "triton", "pod\u001B[2J\u001B]0;pwned\u0007", "node");

        String text = IncidentConsole.render(hostile, true);

        assertThat(text).contains("\u001B[31mCRITICAL\u001B[0m");
        assertThat(text).doesNotContain("\u001B[2J", "\u001B]0;", "\u0007");
    }

    @Test
    void aTransitionIsOneLineWithTheFirstCommandUnderIt() {
        Incident seed = SeedIncidents.seed001();

        String text = IncidentConsole.transition(seed, false);

        assertThat(text.lines().toList()).hasSize(2);
        assertThat(text.lines().findFirst().orElseThrow())
                .startsWith("2025-06-01T10:02:00.250Z [OPEN]    CRITICAL IMAGE_PULL_DISK_FULL    inference/Deployment/triton  "
                        + "Image pull for triton fails");
        String firstCommand = seed.getRemediation().stream().flatMap(s -> s.getCommands().stream()).findFirst().orElseThrow();
        assertThat(text.lines().skip(1).findFirst()).contains("      $ " + firstCommand);
    }

    @Test
    void aNodeIncidentIsPlacedOnItsNode() {
        Incident node = Incident.newBuilder(SeedIncidents.seed001()).setWorkload(null).setNamespace(null).build();

        assertThat(IncidentConsole.subject(node)).isEqualTo("node/ip-10-0-1-149.ec2.internal");
    }
}
