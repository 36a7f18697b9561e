package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.Incident;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernel's kill of a container over its memory limit, as a paste shows it without a describe's container block:
 * the cgroup's OOM event recorded on the pod itself (kubernetes#100487, {@code CgroupOOM: Cgroup OOM encountered,
 * victim process: stress}), or a container's {@code Last State: Terminated, OOMKilled} under a describe cut after its
 * {@code Name:} (gnomad-browser#1410). A node's own {@code SystemOOM} is no pod's.
 */
class OomKillOnThePodReplayTest {

    static final Instant NOW = Instant.parse("2025-03-23T10:01:00Z");

    @Test
    void theCgroupsOomEventOnThePod() {
        List<Incident> incidents = Pastes.latest("""
                $ kubectl describe pod -n serving tokenizer-0
                ...
                Events:
                  Type     Reason     Age   From               Message
                  ----     ------     ----  ----               -------
                  Normal   Scheduled  30s   default-scheduler  Successfully assigned serving/tokenizer-0 to gpu-worker-1
                  Normal   Pulled     28s   kubelet            Successfully pulled image "python:3.12-slim" in 1.1s
                  Warning  CgroupOOM  28s   kubelet            Cgroup OOM encountered, victim process: python, pid: 470521
                """, NOW);
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.getCategory()).isEqualTo("OOM_KILLED");
            assertThat(i.getNamespace()).isEqualTo("serving");
        });
    }

    @Test
    void aNodesSystemOomIsNoPodsKill() {
        List<Incident> incidents = Pastes.latest("""
                $ kubectl describe node gpu-worker-1
                ...
                Events:
                  Type     Reason     Age   From     Message
                  ----     ------     ----  ----     -------
                  Warning  SystemOOM  28s   kubelet  System OOM encountered, victim process: python, pid: 470521
                """, NOW);
        assertThat(incidents).noneMatch(i -> "OOM_KILLED".equals(i.getCategory()));
    }

    @Test
    void aStateCutFromItsDescribesHead() {
        List<Incident> incidents = Pastes.latest("""
                % kubectl describe pod gnomad-api-blue-775f4c6d7d-25fwx
                Name:             gnomad-api-blue-775f4c6d7d-25fwx
                <snip>
                    State:          Running
                      Started:      Sun, 23 Mar 2025 09:55:12 +0000
                    Last State:     Terminated
                      Reason:       OOMKilled
                      Exit Code:    137
                      Started:      Sun, 23 Mar 2025 05:47:49 +0000
                      Finished:     Sun, 23 Mar 2025 09:55:11 +0000
                """, NOW);
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.getCategory()).isEqualTo("OOM_KILLED");
            assertThat(i.getWorkload().getName()).isEqualTo("gnomad-api-blue");
        });
    }
}
