package dev.incidents.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.recordings.WorkloadName;
import org.junit.jupiter.api.Test;

class WorkloadResolverTest {

    @Test
    void a_pod_name_guessed_again_gets_the_same_workload_as_the_first_time() {
        for (String pod : new String[] {"triton-79569cfbbc-m2wcc", "nvidia-device-plugin-x7k2p", "web-0",
                "backup-28934520-qp5zm", "lonely"}) {
            WorkloadName guess = WorkloadName.fromPodName(pod);
            WorkloadResolver.Workload expected = new WorkloadResolver.Workload(guess.kind(), guess.name());
            assertThat(WorkloadResolver.ofPodName(pod, false)).isEqualTo(expected);
            assertThat(WorkloadResolver.ofPodName(pod, false)).as("kept").isEqualTo(expected);
            assertThat(WorkloadResolver.ofPodName(pod, true)).as("a bare pod is its own workload, kept guess or not")
                    .isEqualTo(new WorkloadResolver.Workload("Pod", pod));
        }
    }

    @Test
    void more_pod_names_than_are_kept_are_still_each_guessed_right() {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < WorkloadResolver.GUESSES_KEPT + 100; i++) {
                String pod = "app-" + i + "-5d8f7c9b4-" + "x7k2p";
                assertThat(WorkloadResolver.ofPodName(pod, false))
                        .isEqualTo(new WorkloadResolver.Workload("Deployment", "app-" + i));
            }
        }
    }
}
