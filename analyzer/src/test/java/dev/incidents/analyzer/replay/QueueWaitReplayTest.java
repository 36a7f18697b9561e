package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.KubeEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Workloads that wait for room rather than fail on a node: a gang none of whose members a gang scheduler places, a
 * claim whose external provisioner never answers.
 */
class QueueWaitReplayTest {

    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");

    static List<Incident> replay(KubeEvent... events) {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            for (KubeEvent e : events) {
                replay.event(e, e.getLastTimestamp());
            }
            return replay.finish().latest();
        }
    }

    static KubeEvent volcano(String pod, String message) {
        KubeEvent e = Kube.event("ray", "Pod", pod, "Warning", "FailedScheduling", message, T0,
                T0.plus(Duration.ofMinutes(4)), 5, "gang-" + pod, null);
        e.setReportingComponent("volcano");
        return e;
    }

    /** KubeRay's Volcano guide: the second RayCluster's gang waits whole for the queue's capacity. */
    @Test
    void a_gang_none_of_whose_members_is_placed_waits_for_room() {
        List<Incident> latest = replay(volcano("test-cluster-1-head-6668q", "3/3 tasks in gang unschedulable: pod group "
                + "is not ready, 3 Pending, 3 minAvailable; Pending: 3 Undetermined"));
        assertThat(latest).extracting(Incident::getCategory).containsExactly("INSUFFICIENT_RESOURCES");
        assertThat(latest.get(0).getCauses().get(0).getId()).isEqualTo("GANG_NOT_PLACEABLE");
    }

    @Test
    void a_gang_with_members_placed_is_not_a_wait_for_room() {
        List<Incident> latest = replay(volcano("test-cluster-1-head-6668q", "1/3 tasks in gang unschedulable: pod group "
                + "is not ready, 1 Pending, 2 Running, 3 minAvailable"));
        assertThat(latest).extracting(Incident::getCategory).doesNotContain("INSUFFICIENT_RESOURCES");
    }

    /** cdk-eks-blueprints#561: EKS 1.23's gp2 class names the EBS CSI provisioner, which was never installed. */
    @Test
    void a_claim_waiting_hours_for_its_external_provisioner_is_unbound() {
        KubeEvent waiting = Kube.event("kubecost", "PersistentVolumeClaim", "kubecost-cost-analyzer", "Normal",
                "ExternalProvisioning", "waiting for a volume to be created, either by external provisioner "
                        + "\"ebs.csi.aws.com\" or manually created by system administrator",
                T0, T0.plus(Duration.ofHours(9)), 2222, "ext-1", null);
        waiting.setReportingComponent("persistentvolume-controller");
        List<Incident> latest = replay(waiting);
        assertThat(latest).extracting(Incident::getCategory).containsExactly("PVC_UNBOUND");
        assertThat(latest.get(0).getCauses().get(0).getId()).isEqualTo("PROVISIONER_NOT_RESPONDING");
    }

    @Test
    void a_provisioner_answering_within_minutes_is_no_failure() {
        KubeEvent waiting = Kube.event("kubecost", "PersistentVolumeClaim", "kubecost-cost-analyzer", "Normal",
                "ExternalProvisioning", "waiting for a volume to be created, either by external provisioner "
                        + "\"ebs.csi.aws.com\" or manually created by system administrator",
                T0, T0.plusSeconds(40), 3, "ext-2", null);
        waiting.setReportingComponent("persistentvolume-controller");
        assertThat(replay(waiting)).isEmpty();
    }
}
