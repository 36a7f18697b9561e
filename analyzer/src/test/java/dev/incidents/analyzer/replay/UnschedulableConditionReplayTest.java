package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.Condition;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.PodSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pending pod whose only record of the scheduler's verdict is its own {@code PodScheduled=False} condition (the
 * event expired, or was never shipped): the verdict is the scheduling evidence the event would have been.
 */
class UnschedulableConditionReplayTest {

    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    static final String POD = "triton-79569cfbbc-m2wcc";
    static final String NO_GPU = "0/4 nodes are available: 4 Insufficient nvidia.com/gpu. preemption: 0/4 nodes are "
            + "available: 4 No preemption victims found for incoming pod.";

    static PodSnapshot pending(Instant at, Instant since, String message) {
        PodSnapshot pod = Kube.pod("triton", POD, null, at, "Pending", Kube.waiting("ContainerCreating"), null, 0, false);
        pod.setConditions(List.of(Condition.newBuilder().setType("PodScheduled").setStatus("False")
                .setReason("Unschedulable").setMessage(message).setLastTransitionTime(since).build()));
        return pod;
    }

    @Test
    void the_condition_alone_opens_the_shortage_it_names_and_holds_it_open_while_the_pod_stays_pending() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.pod("test/inference/" + POD, pending(T0, T0, NO_GPU), T0);
            // the pod's next snapshots (a label, a status write) carry the same condition: the same verdict
            for (int i = 1; i <= 5; i++) {
                Instant at = T0.plus(Duration.ofMinutes(i));
                replay.pod("test/inference/" + POD, pending(at, T0, NO_GPU), at);
            }
            Incident incident = replay.finish().latest().stream()
                    .filter(i -> i.getId().equals("test/inference/Deployment/triton/INSUFFICIENT_GPU")).findFirst()
                    .orElseThrow();
            assertThat(incident.getStatus()).as(incident.toString()).isEqualTo(IncidentStatus.OPEN);
            assertThat(incident.getFirstSeen()).isEqualTo(T0);
            assertThat(incident.getPods()).containsExactly(POD);
            // every snapshot still carrying it says the pod is still pending: the incident does not go quiet (15 min
            // after T0 is before the end of input, see finish())
            assertThat(incident.getLastSeen()).isAfter(T0);
            assertThat(incident.getEvidence()).anyMatch(e -> e.getMessage().contains("4 Insufficient nvidia.com/gpu"));
        }
    }

    @Test
    void a_condition_that_clears_within_the_grace_opens_nothing() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.pod("test/inference/" + POD, pending(T0, T0, NO_GPU), T0);
            Instant placed = T0.plusSeconds(20);
            replay.pod("test/inference/" + POD, Kube.pod("triton", POD, "ip-10-0-1-149.ec2.internal", placed,
                    "Running", Kube.running(placed), null, 0, true), placed);
            assertThat(replay.finish().latest()).isEmpty();
        }
    }

    /** usernetes#155: the only node is out of disk; the pod's condition is all there is: the node's disk, not the pod. */
    @Test
    void every_node_out_of_disk_in_the_condition_is_the_nodes_disk_pressure() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            Instant at = T0.plus(Duration.ofMinutes(15));
            replay.pod("test/inference/" + POD, pending(at, T0, "0/1 nodes are available: 1 node(s) had taint "
                    + "{node.kubernetes.io/disk-pressure: }, that the pod didn't tolerate."), at);
            List<Incident> latest = replay.finish().latest();
            assertThat(latest).extracting(Incident::getCategory).containsExactly("NODE_DISK_PRESSURE");
            assertThat(latest.get(0).getStatus()).isEqualTo(IncidentStatus.OPEN);
        }
    }
}
