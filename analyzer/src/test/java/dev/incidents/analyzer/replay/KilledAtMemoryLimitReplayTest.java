package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.Incident;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A container killed at its memory limit whose runtime records the kill as {@code Error} with exit code 137 (the
 * killed process was not the main one, or a cgroup v2 runtime did not tell): with a memory limit and no probe that
 * kills, only the kernel's OOM killer ends it on SIGKILL, so it is OOM_KILLED with that cause first. A liveness probe
 * kills with 137 as well, and without a limit the kill is nobody's in particular: those stay crash loops.
 */
class KilledAtMemoryLimitReplayTest {

    static List<Incident> replayed(String limits, String probe) {
        return Pastes.latest("""
                $ kubectl describe pod tokenizer -n serving
                Name:             tokenizer
                Namespace:        serving
                Node:             gpu-worker-1/10.0.4.21
                Start Time:       Sat, 31 May 2025 10:00:00 +0000
                Status:           Running
                IP:               10.244.2.7
                IPs:
                  IP:  10.244.2.7
                Containers:
                  tokenizer:
                    Image:          python:3.12-slim
                    State:          Waiting
                      Reason:       CrashLoopBackOff
                    Last State:     Terminated
                      Reason:       Error
                      Exit Code:    137
                      Started:      Sat, 31 May 2025 10:11:40 +0000
                      Finished:     Sat, 31 May 2025 10:11:41 +0000
                    Ready:          False
                    Restart Count:  6
                %s%s    Environment:    <none>
                Events:
                  Type     Reason     Age                  From     Message
                  ----     ------     ----                 ----     -------
                  Normal   Started    80s (x7 over 12m)    kubelet  Started container tokenizer
                  Warning  BackOff    5s (x40 over 11m)    kubelet  Back-off restarting failed container tokenizer in pod tokenizer_serving(0f3c1f5e-8d11-4a57-9c39-2b1e46c1a7e2)
                """.formatted(limits.replace("\\n", "\n"), probe.replace("\\n", "\n")), Instant.parse("2025-05-31T10:13:00Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'    Limits:\\n      memory:  64Mi\\n'|''|OOM_KILLED|KILLED_AT_MEMORY_LIMIT",
        "'    Limits:\\n      cpu:     1\\n      memory:  2Gi\\n    Requests:\\n      memory:  2Gi\\n'"
                + "|'    Readiness:      http-get http://:8080/ready delay=0s timeout=1s period=10s #success=1 #failure=3\\n'"
                + "|OOM_KILLED|KILLED_AT_MEMORY_LIMIT",
        // a liveness probe kills with SIGKILL too; without a limit the kill tells nothing of memory
        "'    Limits:\\n      memory:  64Mi\\n'"
                + "|'    Liveness:       http-get http://:8080/health delay=0s timeout=1s period=10s #success=1 #failure=3\\n'"
                + "|CRASH_LOOP|",
        "''|''|CRASH_LOOP|",
    })
    void aKillRecordedAsErrorUnderAMemoryLimitIsAnOomKill(String limits, String probe, String category, String cause) {
        // the back-off before the describe opens a crash loop, which the kill's cause then supersedes
        assertThat(replayed(limits, probe)).filteredOn(i -> !"RESOLVED".equals(String.valueOf(i.getStatus()))).singleElement().satisfies(i -> {
            assertThat(i.getCategory()).isEqualTo(category);
            if (cause != null) {
                assertThat(i.getCauses().get(0).getId()).isEqualTo(cause);
            }
        });
    }
}
