package dev.incidents.recordings;

import dev.incidents.schemas.PodSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Jenkins Kubernetes plugin's console lines about its agent pod ending are that pod's status. */
class JenkinsAgentReportTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2024-02-19T12:00:00Z"));

    /** The pods the console text is read into (an eviction's message is also read as its event). */
    private static List<PodSnapshot> pods(String text) {
        return Fixtures.pasted(text, OPTIONS.now()).stream().map(Recorded::value)
                .filter(PodSnapshot.class::isInstance).map(PodSnapshot.class::cast).toList();
    }

    /** eclipse-cbi/jiro#351: the jnlp container OOM-killed during a shallow git fetch, below the git step's line. */
    @Test
    void aContainerTerminatedIsThatContainersEnd() {
        PodSnapshot pod = pods("""
                 > git fetch --tags --force --progress --depth=1 -- https://git.example.org/r/app.git +refs/heads/*:refs/remotes/origin/* # timeout=120
                osee/my-agent-pod-vd5d6-k7jlg Container jnlp was terminated (Exit Code: 137, Reason: OOMKilled)
                """).get(0);
        assertThat(pod.getNamespace()).isEqualTo("osee");
        assertThat(pod.getName()).isEqualTo("my-agent-pod-vd5d6-k7jlg");
        assertThat(pod.getPhase()).isEqualTo("Failed");
        assertThat(pod.getContainers()).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo("jnlp");
            assertThat(c.getState().getReason()).isEqualTo("OOMKilled");
            assertThat(c.getState().getExitCode()).isEqualTo(137);
        });
    }

    /** The pod failed as a whole (an eviction), behind a timestamper's time. */
    @Test
    void aPodThatJustFailedCarriesItsReasonAndMessage() {
        PodSnapshot pod = pods("[2023-05-04T10:11:12.345Z] ci/build-agent-x1x2x Pod just failed (Reason: Evicted, "
                + "Message: The node was low on resource: ephemeral-storage. Container jnlp was using 10Gi.)\n").get(0);
        assertThat(pod.getNamespace() + "/" + pod.getName()).isEqualTo("ci/build-agent-x1x2x");
        assertThat(pod.getPhase()).isEqualTo("Failed");
        assertThat(pod.getReason()).isEqualTo("Evicted");
        assertThat(pod.getMessage()).isEqualTo("The node was low on resource: ephemeral-storage. Container jnlp was "
                + "using 10Gi.");
    }

    @Test
    void otherConsoleLinesAreNoPods() {
        assertThat(pods("Container app was terminated (Exit Code: 1, Reason: Error)\n"
                + "see https://ci.example.org/job/x Container jnlp was terminated\n")).isEmpty();
    }
}
