package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.Incident;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pod the scheduler could not place, then listed Running in a {@code get pods} without a NODE column: a Running pod
 * is bound to a node, so the row ends the scheduling failure (the Triton tutorials' scale-up of a LeaderWorkerSet's
 * second group: {@code Insufficient nvidia.com/gpu}, {@code TriggeredScaleUp} 2->4, both pods Running once the nodes
 * joined). Listed Pending at the end, the pod still waits.
 */
class ScaleUpThenRunningReplayTest {

    static List<Incident> replayed(String lastStatus) {
        return Pastes.latest("""
                $ kubectl get pods
                NAME                         READY   STATUS    RESTARTS   AGE
                leaderworkerset-sample-0     1/1     Running   0          6h48m
                leaderworkerset-sample-1     0/1     Pending   0          13s
                $ kubectl describe pod leaderworkerset-sample-1
                Events:
                  Type     Reason            Age    From                Message
                  ----     ------            ----   ----                -------
                  Warning  FailedScheduling  4m48s  default-scheduler   0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 Insufficient nvidia.com/gpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.
                  Normal   TriggeredScaleUp  4m15s  cluster-autoscaler  pod triggered scale-up: [{eks-gpu-ng-7ac8948c 2->4 (max: 4)}]
                $ kubectl get pods
                leaderworkerset-sample-0     1/1     Running   0          7h26m
                leaderworkerset-sample-1     %s   0          38m
                """.formatted(lastStatus), Instant.parse("2024-08-01T12:00:00Z"));
    }

    @Test
    void aPodListedRunningWasScheduledWhateverTheListingLeavesOut() {
        assertThat(replayed("1/1     Running")).isEmpty();
    }

    @Test
    void aPodStillListedPendingStillWaits() {
        assertThat(replayed("0/1     Pending")).extracting(Incident::getCategory).containsExactly("INSUFFICIENT_GPU");
    }
}
