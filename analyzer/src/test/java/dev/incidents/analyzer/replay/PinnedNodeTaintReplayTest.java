package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.RemediationStep;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pod its node selector pins to one node by name (myoungsoo7's ECK cold tier: {@code kubernetes.io/hostname=solomon},
 * the node holding its local volume, tainted {@code dedicated=storage:NoSchedule} days before): the scheduler counts
 * that node under the taint (TaintToleration runs before NodeAffinity) and the others under the selector. The same
 * counts for a pod that may go to a pool read as a selector no node matches; a name says which node is wanted.
 */
class PinnedNodeTaintReplayTest {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final String POD = "logs-es-cold-5d8f7c9b6d-x2k4p";
    static final String VERDICT = "0/5 nodes are available: 1 node(s) had untolerated taint(s), 1 node(s) were "
            + "unschedulable, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/5 nodes are available: "
            + "5 Preemption is not helpful for scheduling.";

    static PodSnapshot pending(Map<String, String> nodeSelector, String affinity) {
        return pending(nodeSelector, affinity, T0);
    }

    static PodSnapshot pending(Map<String, String> nodeSelector, String affinity, Instant at) {
        PodSnapshot pod = Kube.pod("logs-es-cold", POD, null, at, "Pending", null, null, 0, false);
        pod.setNodeSelector(nodeSelector);
        pod.setAffinity(affinity);
        return pod;
    }

    static Incident only(PodSnapshot pod) {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.pod("test/inference/" + POD, pod, T0);
            replay.event(Kube.podEvent(POD, "Warning", "FailedScheduling", VERDICT, T0.plusSeconds(5), "fs-1", null),
                    T0.plusSeconds(5));
            replay.event(Kube.podEvent(POD, "Warning", "FailedScheduling", VERDICT, T0.plusSeconds(300), "fs-2", null),
                    T0.plusSeconds(300));
            return replay.finish().latest().stream().filter(i -> i.getCategory() != null).findFirst().orElseThrow();
        }
    }

    @Test
    void a_pod_pinned_by_hostname_waits_for_the_taint_on_its_node() {
        Incident incident = only(pending(Map.of("kubernetes.io/hostname", "solomon"), null));

        assertThat(incident.getId()).isEqualTo("test/inference/Deployment/logs-es-cold/UNTOLERATED_TAINT");
        assertThat(incident.getCauses().get(0).getId()).isEqualTo("TOLERATION_MISSING");
        assertThat(incident.getRemediation()).flatExtracting(RemediationStep::getCommands)
                .contains("kubectl describe node solomon");
    }

    /**
     * The paste's order: the scheduler's verdicts first, the describe's pod (no time of its own) at the paste's moment.
     * Live, the pod's snapshot comes before its first verdict, and the taint opens alone (above).
     */
    @Test
    void a_pod_seen_after_its_verdicts_decides_them() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            // "3m (x12 over 23m)": one event, first and last seen
            replay.event(Kube.event("inference", "Pod", POD, "Warning", "FailedScheduling", VERDICT.replace(
                    "untolerated taint(s)", "untolerated taint {dedicated: storage}"), T0.plusSeconds(5),
                    T0.plusSeconds(1200), 12, "fs-1", null), T0.plusSeconds(1200));
            replay.pod("test/inference/" + POD, pending(Map.of("kubernetes.io/hostname", "solomon"), null,
                    T0.plusSeconds(1380)), T0.plusSeconds(1380));
            List<Incident> latest = replay.finish().latest();
            // the selector's candidate was due once its last verdict was past, before the pod came: it opened, and the
            // taint, shown once the pod is, supersedes it
            assertThat(latest).extracting(Incident::getId, Incident::getStatus).containsExactlyInAnyOrder(
                    tuple("test/inference/Deployment/logs-es-cold/NODE_SELECTOR_MISMATCH", IncidentStatus.RESOLVED),
                    tuple("test/inference/Deployment/logs-es-cold/UNTOLERATED_TAINT", IncidentStatus.OPEN));
            Incident taint = latest.stream().filter(i -> i.getStatus() == IncidentStatus.OPEN).findFirst().orElseThrow();
            assertThat(taint.getTitle()).contains("dedicated=storage");
            assertThat(taint.getRemediation()).flatExtracting(RemediationStep::getCommands)
                    .contains("kubectl describe node solomon");
        }
    }

    @Test
    void a_daemonset_pods_affinity_for_its_node_pins_it_too() {
        Incident incident = only(pending(Map.of(), "metadata.name In (solomon)"));

        assertThat(incident.getId()).isEqualTo("test/inference/Deployment/logs-es-cold/UNTOLERATED_TAINT");
    }

    @Test
    void a_pod_that_may_go_to_a_pool_reads_as_its_selector() {
        assertThat(only(pending(Map.of("pool", "storage"), null)).getId())
                .isEqualTo("test/inference/Deployment/logs-es-cold/NODE_SELECTOR_MISMATCH");
        assertThat(only(pending(Map.of(), "kubernetes.io/hostname In (solomon, gaia)")).getId())
                .isEqualTo("test/inference/Deployment/logs-es-cold/NODE_SELECTOR_MISMATCH");
    }
}
