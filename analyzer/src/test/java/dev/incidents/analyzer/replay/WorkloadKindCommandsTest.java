package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.hints.HintCatalog;
import dev.incidents.schemas.Incident;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Commands that only some workload kinds take: {@code kubectl rollout} handles Deployments, StatefulSets and DaemonSets,
 * and a pod template ({@code .spec.template}) exists only on controllers. A bare pod's incident must not print
 * {@code kubectl rollout history Pod x}, which kubectl refuses, nor {@code kubectl edit Pod x} for a spec a pod does not
 * let change: it is saved, fixed and re-created.
 */
class WorkloadKindCommandsTest {

    private static List<String> commands(String controlledBy) {
        List<Incident> incidents = Pastes.latest("""
                $ kubectl describe pod %s -n serving
                Name:             %s
                Namespace:        serving
                Node:             gpu-worker-1/10.0.4.21
                Start Time:       Sat, 31 May 2025 10:00:00 +0000
                Status:           Running
                %sContainers:
                  tokenizer:
                    Image:          python:3.12-slim
                    State:          Waiting
                      Reason:       CrashLoopBackOff
                    Last State:     Terminated
                      Reason:       Error
                      Exit Code:    1
                    Ready:          False
                    Restart Count:  6
                Events:
                  Type     Reason     Age                  From     Message
                  ----     ------     ----                 ----     -------
                  Warning  BackOff    5s (x40 over 11m)    kubelet  Back-off restarting failed container tokenizer
                """.formatted(controlledBy == null ? "tokenizer" : "tokenizer-7d9f8b6c5d-x2x9q",
                controlledBy == null ? "tokenizer" : "tokenizer-7d9f8b6c5d-x2x9q",
                controlledBy == null ? "" : "Controlled By:    " + controlledBy + "\n"),
                Instant.parse("2025-05-31T10:13:00Z"));
        assertThat(incidents).singleElement().satisfies(i -> assertThat(i.getCategory()).isEqualTo("CRASH_LOOP"));
        return incidents.get(0).getRemediation().stream().flatMap(step -> step.getCommands().stream()).toList();
    }

    @Test
    void aDeploymentsCrashLoopComparesRevisions() {
        assertThat(commands("ReplicaSet/tokenizer-7d9f8b6c5d"))
                .contains("kubectl rollout history Deployment tokenizer -n serving");
    }

    @Test
    void aBarePodsCrashLoopHasNoRolloutCommand() {
        assertThat(commands(null)).isNotEmpty().noneMatch(command -> command.contains("rollout"))
                .contains("kubectl describe pod tokenizer -n serving");
    }

    private static List<String> selectorCommands(String kind, String name) {
        Facts facts = Facts.of(Fact.NAMESPACE, "serving", Fact.WORKLOAD_KIND, kind, Fact.WORKLOAD_NAME, name,
                Fact.POD, "web");
        return HintCatalog.load().render(Category.NODE_SELECTOR_MISMATCH, facts).remediation().stream()
                .flatMap(step -> step.getCommands().stream()).toList();
    }

    @Test
    void aBarePodsSpecIsReCreatedNotEdited() {
        assertThat(selectorCommands("Pod", "web")).contains("kubectl get pod web -n serving -o yaml > web.yaml",
                "kubectl replace --force -f web.yaml").noneMatch(command -> command.startsWith("kubectl edit"));
        assertThat(selectorCommands("Deployment", "web")).contains("kubectl edit Deployment web -n serving")
                .noneMatch(command -> command.contains("replace --force"));
        assertThat(selectorCommands("InferenceService", "llama")).as("a custom resource holds its pods' spec")
                .contains("kubectl edit InferenceService llama -n serving");
    }
}
