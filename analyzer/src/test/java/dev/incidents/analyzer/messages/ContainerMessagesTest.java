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

    /** Each runtime's words for an exec probe into a container that had stopped; a probe that ran and failed is not. */
    @Test
    void aProbeIntoAStoppedContainerCouldNotRun() {
        assertThat(notRunning("Readiness probe errored: rpc error: code = Unknown desc = container not running "
                + "(b47a56e00cddda91ee7e446a77ece77d8c6955320dd11a031a3d8c71372ab3d4)")).isTrue();
        assertThat(notRunning("Readiness probe errored: rpc error: code = Unknown desc = failed to exec in container: "
                + "container is in CONTAINER_EXITED state")).isTrue();
        assertThat(notRunning("Liveness probe errored: rpc error: code = Unknown desc = failed to exec in container: "
                + "failed to start exec \"3f1c\": OCI runtime exec failed: exec failed: cannot exec in a stopped "
                + "container: unknown")).isTrue();
        assertThat(notRunning("Liveness probe errored: rpc error: code = Unknown desc = command error: exec failed: "
                + "container is not created or running, stdout: , stderr: , exit code -1")).isTrue();
        assertThat(notRunning("Liveness probe errored: rpc error: code = 2 desc = Error response from daemon: "
                + "Container 5c1d0e7a9b3f is not running")).isTrue();
        assertThat(notRunning("Liveness probe failed: ")).isFalse();
        assertThat(notRunning("Liveness probe failed: HTTP probe failed with statuscode: 500")).isFalse();
        assertThat(notRunning("Liveness probe errored: rpc error: code = Unknown desc = failed to exec in container: "
                + "failed to start exec \"951c\": OCI runtime exec failed: exec failed: unable to start container "
                + "process: exec: \"pidof\": executable file not found in $PATH: unknown")).isFalse();
    }

    private static boolean notRunning(String message) {
        return ProbeFailure.parse(message).orElseThrow().containerNotRunning();
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
