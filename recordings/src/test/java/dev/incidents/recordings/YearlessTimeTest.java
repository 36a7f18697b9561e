package dev.incidents.recordings;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class YearlessTimeTest {

    static final Instant NOW = Instant.parse("2025-05-16T18:40:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // the journal's prefix: host and process after the time
        "May 16 18:34:39 aks-nodepool1-29985679-vmss00000a kubelet[4052]: I0516 18:34:39.885628    4052 prober.go:107] \"Probe failed\"|2025-05-16T18:34:39Z",
        // syslog's copy without a process id, a one-digit day padded
        "Mar  3 09:00:01 gpu-node-7 kubelet: E0303 09:00:01.000000 911 kubelet.go:2874] \"Container runtime network not ready\"|2025-03-03T09:00:01Z",
        // klog's header alone (kubectl logs of a static pod, a log file)
        "E0516 18:30:02.123456    911 kuberuntime_manager.go:1027] \"Message for Container of pod\"|2025-05-16T18:30:02Z",
        // a December line read in May is last year's
        "Dec 31 23:59:59 node-1 containerd[812]: time=\"x\" level=error|2024-12-31T23:59:59Z",
        // an e2e framework's own time before an event's absolute one: no host and process after it
        "Nov 30 23:25:44.020: INFO: At 2025-03-14 09:10:47 +0000 UTC - event for pvc-tester-4khdp|-",
        // no such day
        "Feb 30 10:00:00 node-1 kubelet[1]: message|-",
        "  Warning  Unhealthy  4m  kubelet  Liveness probe failed:|-",
    })
    void aNodeLogLinesOwnPrefixGivesItsTime(String line, String expected) {
        assertThat(YearlessTime.of(line, NOW)).isEqualTo(expected == null ? null : Instant.parse(expected));
    }
}
