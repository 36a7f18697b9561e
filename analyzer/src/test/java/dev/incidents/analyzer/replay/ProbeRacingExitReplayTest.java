package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.Incident;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An exec probe run into a container on its way out fails or errors ({@code container not running}): the kubelet
 * probes running containers only, so such a failure says the container ended by itself. A back-off beside a liveness
 * failure or two under the probe's threshold, with no kill for a probe recorded, is then the container's own crash
 * loop (a deploy whose manifest broke the app's start: the probes only saw it exit). A kill recorded for the probe, or
 * a probe found failing with no sign of the container ending under it, keeps the restarts the probe's.
 */
class ProbeRacingExitReplayTest {

    static final Instant NOW = Instant.parse("2025-03-11T08:20:00Z");

    static final String EVENTS = """
            Events:
              Type     Reason     Age                 From               Message
              ----     ------     ----                ----               -------
              Normal   Scheduled  3m10s               default-scheduler  Successfully assigned staging/api-6bc7997545-mx4t8 to node-a
              Warning  Unhealthy  88s                 kubelet            Liveness probe failed:
              Normal   Started    65s (x3 over 97s)   kubelet            Started container api
            %s  Warning  Unhealthy  58s                 kubelet            Readiness probe errored: rpc error: code = Unknown desc = container not running (b47a56e00cddda91ee7e446a77ece77d8c6955320dd11a031a3d8c71372ab3d4)
              Warning  BackOff    40s (x5 over 80s)   kubelet            Back-off restarting failed container
              Normal   Created    25s (x4 over 98s)   kubelet            Created container api
            """;

    static final String KILLED = "  Normal   Killing    62s                 kubelet            "
            + "Container api failed liveness probe, will be restarted\n";

    static List<String> categories(String events) {
        return Pastes.latest(events, NOW).stream().map(Incident::getCategory).toList();
    }

    @Test
    void aProbeThatFoundTheContainerStoppedMakesTheBackOffTheContainersOwnLoop() {
        assertThat(categories(EVENTS.formatted(""))).contains("CRASH_LOOP").doesNotContain("PROBE_FAILURE",
                "READINESS_FAILING");
    }

    @Test
    void aKillRecordedForTheProbeKeepsTheRestartsTheProbes() {
        assertThat(categories(EVENTS.formatted(KILLED))).contains("PROBE_FAILURE").doesNotContain("CRASH_LOOP");
    }

    @Test
    void aLivenessFailureWithNoSignOfTheContainerEndingUnderItIsStillTheProbes() {
        String withoutRace = EVENTS.formatted("").lines().filter(l -> !l.contains("container not running"))
                .reduce("", (a, l) -> a + l + "\n");
        assertThat(categories(withoutRace)).contains("PROBE_FAILURE").doesNotContain("CRASH_LOOP");
    }
}
