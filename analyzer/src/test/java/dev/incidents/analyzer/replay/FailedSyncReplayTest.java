package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kubelets before 1.10 recorded a pod's sync failures as one {@code FailedSync} event ("Error syncing pod, skipping:
 * failed to "StartContainer" for "x" with CrashLoopBackOff: "Back-off 2m40s restarting failed container=x pod=..."),
 * and every kubelet since logs the same error in its journal ({@code "Error syncing pod, skipping" err=...}, read as
 * that event): a back-off is the crash loop of the container it names, a sandbox that cannot be created is a sandbox
 * failure, and a sync failure about a pull is neither.
 */
class FailedSyncReplayTest {

    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    static final String POD = "vllm-6d4cf56db6-x7k2p";

    static String backOff(String backOffWord) {
        return "Error syncing pod, skipping: failed to \"StartContainer\" for \"vllm\" with CrashLoopBackOff: \""
                + backOffWord + " 2m40s restarting failed container=vllm pod=" + POD
                + "_inference(0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b)\"";
    }

    @Test
    void a_failed_sync_in_crash_loop_back_off_is_a_crash_loop_of_its_container() {
        for (String word : List.of("Back-off", "back-off")) {
            try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
                replay.event(Kube.podEvent(POD, "Warning", "FailedSync", backOff(word), T0, "fs-1", null), T0);
                replay.event(Kube.podEvent(POD, "Warning", "FailedSync", backOff(word), T0.plusSeconds(160), "fs-2",
                        null), T0.plusSeconds(160));
                List<Incident> latest = replay.finish().latest();
                assertThat(latest).singleElement().satisfies(i -> {
                    assertThat(i.getCategory().toString()).isEqualTo("CRASH_LOOP");
                    assertThat(i.getStatus()).isEqualTo(IncidentStatus.OPEN);
                    assertThat(i.getTitle()).contains("container vllm");
                });
            }
        }
    }

    @Test
    void a_failed_sync_about_a_pull_back_off_is_no_crash_loop() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(Kube.podEvent(POD, "Warning", "FailedSync", "Error syncing pod, skipping: failed to "
                    + "\"StartContainer\" for \"vllm\" with ImagePullBackOff: \"Back-off pulling image \\\"vllm:nope\\\"\"",
                    T0, "fs-3", null), T0);
            assertThat(replay.finish().latest()).noneMatch(i -> i.getCategory().toString().equals("CRASH_LOOP"));
        }
    }

    /** kubeadm#507-era (before 1.8): a sandbox the runtime or the CNI plugin could not set up, as FailedSync. */
    @Test
    void a_failed_sync_creating_the_pod_sandbox_is_a_sandbox_failure() {
        String message = "Error syncing pod, skipping: failed to \"CreatePodSandbox\" for \"" + POD + "_inference(0f1e2d3c)\" "
                + "with CreatePodSandboxError: \"CreatePodSandbox for pod \\\"" + POD + "_inference(0f1e2d3c)\\\" failed: rpc "
                + "error: code = 2 desc = NetworkPlugin cni failed to set up pod \\\"" + POD + "_inference\\\" network: "
                + "open /run/flannel/subnet.env: no such file or directory\"";
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            for (int i = 0; i < 3; i++) {
                Instant at = T0.plusSeconds(60L * i);
                replay.event(Kube.podEvent(POD, "Warning", "FailedSync", message, at, "fs-s" + i, null), at);
            }
            List<Incident> latest = replay.finish().latest();
            assertThat(latest).singleElement().satisfies(i -> {
                assertThat(i.getCategory().toString()).isEqualTo("SANDBOX_FAILED");
                assertThat(i.getStatus()).isEqualTo(IncidentStatus.OPEN);
            });
        }
    }

    /**
     * kubernetes#21878 (2016): before the container runtime interface the sandbox was the infra container {@code POD};
     * Docker out of bridge addresses could not start it, which is the sandbox's failure, not the app container's.
     */
    @Test
    void a_failed_sync_starting_the_infra_container_is_a_sandbox_failure() {
        String message = "Error syncing pod, skipping: failed to \"StartContainer\" for \"POD\" with RunContainerError: "
                + "\"runContainer: API error (500): Cannot start container dfc9fca7b90b: no available IPv4 addresses on "
                + "this network's address pools: bridge (c6fb853e0c42)\\n\"";
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            for (int i = 0; i < 3; i++) {
                Instant at = T0.plusSeconds(60L * i);
                replay.event(Kube.podEvent(POD, "Warning", "FailedSync", message, at, "fs-p" + i, null), at);
            }
            assertThat(replay.finish().latest()).singleElement().satisfies(
                    i -> assertThat(i.getCategory().toString()).isEqualTo("SANDBOX_FAILED"));
        }
    }

    /**
     * helm/charts#139: a 1.4 kubelet names a failing init container under {@code "InitContainer"} in the same FailedSync
     * as its back-off: an init container failure, whatever its name, not the app's crash loop.
     */
    @Test
    void a_failed_sync_naming_an_init_container_is_an_init_container_failure() {
        String message = "Error syncing pod, skipping: [failed to \"InitContainer\" for \"remove-lost-found\" with "
                + "RunInitContainerError: \"init container \\\"remove-lost-found\\\" exited with 1\", failed to "
                + "\"StartContainer\" for \"remove-lost-found\" with CrashLoopBackOff: \"Back-off 2m40s restarting failed "
                + "container=remove-lost-found pod=" + POD + "_inference(88ab61d4-97a5-11e6-a540-2ac301e229b1)\"]";
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            for (int i = 0; i < 3; i++) {
                Instant at = T0.plusSeconds(60L * i);
                replay.event(Kube.podEvent(POD, "Warning", "FailedSync", message, at, "fs-i" + i, null), at);
            }
            List<Incident> open = replay.finish().latest().stream()
                    .filter(i -> i.getStatus() == IncidentStatus.OPEN).toList();
            assertThat(open).singleElement().satisfies(i -> {
                assertThat(i.getCategory().toString()).isEqualTo("INIT_CONTAINER_FAILED");
                assertThat(i.getTitle()).contains("remove-lost-found");
            });
        }
    }
}
