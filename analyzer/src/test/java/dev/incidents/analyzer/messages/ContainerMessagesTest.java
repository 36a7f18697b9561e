package dev.incidents.analyzer.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.messages.ProbeFailure.Probe;
import org.junit.jupiter.api.Test;

/** The kubelet's BackOff and probe messages: small shapes, one file. */
class ContainerMessagesTest {

    @Test
    void backOffSince126NamesContainerAndPod() {
        ContainerBackOff b = ContainerBackOff.parse("Back-off restarting failed container triton in pod "
                + "triton-6d4cf56db6-2xk8p_inference(0a1b2c3d-4e5f-6789-abcd-ef0123456789)").orElseThrow();

        assertThat(b.container()).contains("triton");
        assertThat(b.pod()).contains("triton-6d4cf56db6-2xk8p");
    }

    @Test
    void backOffWithTheContainerOnly() {
        ContainerBackOff b = ContainerBackOff.parse("Back-off restarting failed container manager").orElseThrow();

        assertThat(b.container()).contains("manager");
        assertThat(b.pod()).isEmpty();
    }

    @Test
    void backOffAsTheContainersWaitingMessage() {
        ContainerBackOff backOff = ContainerBackOff.parse("Back-off 20s restarting failed container=installer "
                + "pod=installer-z7ht8_kube-system(b362cd39): CrashLoopBackOff").orElseThrow();
        assertThat(backOff.container()).contains("installer");
        assertThat(backOff.pod()).contains("installer-z7ht8");
    }

    @Test
    void backOffBefore126NamesNothing() {
        ContainerBackOff b = ContainerBackOff.parse("Back-off restarting failed container").orElseThrow();

        assertThat(b.container()).isEmpty();
        assertThat(b.pod()).isEmpty();
        assertThat(ContainerBackOff.parse("Back-off pulling image \"nginx\"")).isEmpty();
        assertThat(ContainerBackOff.parse(null)).isEmpty();
    }

    @Test
    void unhealthyMessages() {
        ProbeFailure liveness = ProbeFailure.parse("Liveness probe failed: Get \"http://10.0.1.17:8000/v2/health/live\""
                + ": dial tcp 10.0.1.17:8000: connect: connection refused").orElseThrow();
        ProbeFailure readiness = ProbeFailure.parse("Readiness probe failed: HTTP probe failed with statuscode: 503")
                .orElseThrow();
        ProbeFailure startup = ProbeFailure.parse("Startup probe errored: rpc error: code = Unknown desc = deadline "
                + "exceeded (\"DeadlineExceeded\"): context deadline exceeded").orElseThrow();

        assertThat(liveness.probe()).isEqualTo(Probe.LIVENESS);
        assertThat(liveness.restart()).isFalse();
        assertThat(liveness.detail()).endsWith("connection refused");
        assertThat(readiness.probe()).isEqualTo(Probe.READINESS);
        assertThat(readiness.detail()).isEqualTo("HTTP probe failed with statuscode: 503");
        assertThat(startup.probe()).isEqualTo(Probe.STARTUP);
    }

    @Test
    void aProbeThatReachedTheEndpointAndGaveUpWaitingTimedOut() {
        assertThat(timedOut("Readiness probe failed: Get http://10.72.0.84:8000/health: net/http: request canceled "
                + "(Client.Timeout exceeded while awaiting headers)")).isTrue();
        assertThat(timedOut("Readiness probe failed: Get \"http://10.0.3.41:8080/healthz\": context deadline exceeded "
                + "(Client.Timeout exceeded while awaiting headers)")).isTrue();
        assertThat(timedOut("Liveness probe failed: command \"node extra/healthcheck.js\" timed out")).isTrue();
        assertThat(timedOut("Readiness probe failed: timeout: health rpc did not complete within 1s")).isTrue();
        // not reached at all, or answered: not a timeout of the probe
        assertThat(timedOut("Readiness probe failed: Get \"http://10.0.3.41:8080/healthz\": dial tcp 10.0.3.41:8080: "
                + "i/o timeout")).isFalse();
        assertThat(timedOut("Readiness probe failed: Get \"http://10.0.3.41:8080/healthz\": dial tcp 10.0.3.41:8080: "
                + "connect: connection refused")).isFalse();
        assertThat(timedOut("Readiness probe failed: HTTP probe failed with statuscode: 503")).isFalse();
    }

    private static boolean timedOut(String message) {
        return ProbeFailure.parse(message).orElseThrow().timedOut();
    }

    @Test
    void killingForAProbeMeansARestart() {
        ProbeFailure live = ProbeFailure.parse("Container triton failed liveness probe, will be restarted").orElseThrow();
        ProbeFailure start = ProbeFailure.parse("Container triton failed startup probe, will be restarted").orElseThrow();

        assertThat(live.probe()).isEqualTo(Probe.LIVENESS);
        assertThat(live.restart()).isTrue();
        assertThat(live.container()).contains("triton");
        assertThat(start.probe()).isEqualTo(Probe.STARTUP);
        assertThat(ProbeFailure.parse("Stopping container triton")).isEmpty();
        // quoted without the container's name (spack-infrastructure#1005): still the kill
        ProbeFailure unnamed = ProbeFailure.parse("Container failed liveness probe, will be restarted").orElseThrow();
        assertThat(unnamed.restart()).isTrue();
        assertThat(unnamed.container()).isEmpty();
    }

    /** zero-to-jupyterhub-k8s#1004: a 1.9-1.13 kubelet named the container by its runtime id. */
    @Test
    void killingForAProbeInTheOlderWording() {
        ProbeFailure hub = ProbeFailure.parse("Killing container with id docker://hub:Container failed liveness probe.. "
                + "Container will be killed and recreated.").orElseThrow();

        assertThat(hub.probe()).isEqualTo(Probe.LIVENESS);
        assertThat(hub.restart()).isTrue();
        assertThat(hub.container()).contains("hub");
        assertThat(ProbeFailure.parse("Killing container with id docker://hub:Need to kill Pod")).isEmpty();
    }
}
