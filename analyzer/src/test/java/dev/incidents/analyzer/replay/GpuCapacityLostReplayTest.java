package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.IncidentTopology;
import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.AffectedWorkload;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.NodeSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;

/** Node snapshots as signals: GPU_CAPACITY_LOST, and the global node store fed from the node view topic. */
class GpuCapacityLostReplayTest {

    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    static final String NODE = "ip-10-0-1-149.ec2.internal";
    static final String KEY = "test/" + NODE;
    static final String ID = "test/node/" + NODE + "/GPU_CAPACITY_LOST";
    static final String POD = "triton-79569cfbbc-m2wcc";

    static NodeSnapshot gpus(int allocatable, int capacity, Instant at) {
        NodeSnapshot node = Kube.node(NODE, at, Map.of("cpu", "48", "nvidia.com/gpu", Integer.toString(allocatable)));
        node.setCapacity(Map.of("cpu", "48", "nvidia.com/gpu", Integer.toString(capacity)));
        return node;
    }

    static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void nodes_written_to_the_view_topic_reach_the_global_store() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.node(KEY, gpus(4, 4, T0), T0);
            KeyValueStore<String, ValueAndTimestamp<NodeSnapshot>> store =
                    replay.driver().getTimestampedKeyValueStore(IncidentTopology.NODES_STORE);
            assertThat(store.get(KEY).value().getAllocatable()).containsEntry("nvidia.com/gpu", "4");
            replay.node(KEY, null, at(5));
            assertThat(store.get(KEY)).isNull();
        }
    }

    @Test
    void a_drop_that_lasts_opens_a_node_incident_naming_the_gpu_workloads_and_resolves_when_the_gpus_are_back() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.node(KEY, gpus(4, 4, T0), T0);
            replay.pod("test/inference/" + POD, Kube.pod("triton", POD, NODE, at(1), "Running",
                    Kube.running(at(1)), null, 0, true), at(1));
            replay.node(KEY, gpus(0, 4, at(30)), at(30));
            replay.node(KEY, gpus(0, 4, at(150)), at(150));
            replay.node(KEY, gpus(0, 4, at(200)), at(200));
            Incident open = latest(replay.transitions());
            assertThat(open.getStatus()).isEqualTo(IncidentStatus.OPEN);
            assertThat(open.getNodes()).containsExactly(NODE);
            assertThat(open.getPods()).containsExactly(POD);
            assertThat(open.getAffectedWorkloads()).extracting(AffectedWorkload::getName).containsExactly("triton");
            assertThat(open.getTitle()).contains(NODE).contains("nvidia.com/gpu");
            assertThat(open.getCauses().get(0).getCause()).contains("device plugin");
            assertThat(open.getCauses().get(0).getEvidence()).contains("allocatable nvidia.com/gpu 0 of 4");
            assertThat(open.getEvidence()).anyMatch(e -> e.getMessage().contains("nvidia.com/gpu 0 of 4"));
            List<String> commands = open.getRemediation().stream().flatMap(s -> s.getCommands().stream()).toList();
            assertThat(commands).contains("kubectl describe node " + NODE,
                    "kubectl get pods -n gpu-operator -o wide --field-selector spec.nodeName=" + NODE);
            assertThat(commands).noneMatch(c -> c.contains("{"));

            replay.node(KEY, gpus(4, 4, at(400)), at(400));
            Incident resolved = latest(replay.transitions());
            assertThat(resolved.getStatus()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(resolved.getResolution()).contains("advertises allocatable nvidia.com/gpu 4 again");
        }
    }

    @Test
    void a_gpu_pod_that_finished_before_the_drop_is_not_a_workload_hit() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.node(KEY, gpus(4, 4, T0), T0);
            replay.pod("test/inference/" + POD, Kube.pod("triton", POD, NODE, at(1), "Running",
                    Kube.running(at(1)), null, 0, true), at(1));
            replay.pod("test/inference/" + POD, Kube.pod("triton", POD, NODE, at(20), "Succeeded",
                    Kube.terminated("Completed", 0, at(20)), null, 0, false), at(20));
            replay.node(KEY, gpus(0, 4, at(30)), at(30));
            replay.node(KEY, gpus(0, 4, at(200)), at(200));
            Incident open = latest(replay.transitions());
            assertThat(open.getStatus()).isEqualTo(IncidentStatus.OPEN);
            assertThat(open.getPods()).isEmpty();
            assertThat(open.getAffectedWorkloads()).isEmpty();
        }
    }

    @Test
    void whole_gpus_replaced_by_mig_slices_rank_the_mig_reconfiguration_first() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.node(KEY, gpus(4, 4, T0), T0);
            for (int s : new int[] {60, 200}) {
                NodeSnapshot mig = gpus(0, 0, at(s));
                mig.setAllocatable(Map.of("cpu", "48", "nvidia.com/gpu", "0", "nvidia.com/mig-1g.5gb", "28"));
                mig.setCapacity(mig.getAllocatable());
                replay.node(KEY, mig, at(s));
            }
            Incident open = latest(replay.transitions());
            assertThat(open.getCauses().get(0).getCause()).contains("MIG reconfiguration");
            assertThat(open.getCauses().get(0).getEvidence())
                    .anyMatch(e -> e.contains("nvidia.com/gpu 0 of 4") && e.contains("nvidia.com/mig-1g.5gb 28"));
        }
    }

    @Test
    void a_loss_reported_by_every_snapshot_stays_open_past_the_quiet_period() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.node(KEY, gpus(8, 8, T0), T0);
            for (int minute = 1; minute <= 40; minute += 5) {
                replay.node(KEY, gpus(6, 8, at(minute * 60)), at(minute * 60));
            }
            assertThat(latest(replay.transitions()).getStatus()).isEqualTo(IncidentStatus.OPEN);
            assertThat(replay.transitions()).noneMatch(i -> i.getStatus() == IncidentStatus.RESOLVED);
        }
    }

    @Test
    void a_deleted_node_resolves_its_incident() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.node(KEY, gpus(4, 4, T0), T0);
            replay.node(KEY, gpus(2, 2, at(10)), at(10));
            replay.node(KEY, gpus(2, 2, at(200)), at(200));
            assertThat(latest(replay.transitions()).getStatus()).isEqualTo(IncidentStatus.OPEN);
            replay.node(KEY, null, at(300));
            Incident resolved = latest(replay.transitions());
            assertThat(resolved.getStatus()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(resolved.getResolution()).contains("deleted");
        }
    }

    @Test
    void a_device_plugin_restart_shorter_than_the_grace_and_a_node_gaining_gpus_open_nothing() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.node(KEY, gpus(0, 0, T0), T0);
            replay.node(KEY, gpus(4, 4, at(20)), at(20));
            replay.node(KEY, gpus(0, 4, at(60)), at(60));
            replay.node(KEY, gpus(4, 4, at(75)), at(75));
            replay.node(KEY, gpus(4, 4, at(400)), at(400));
            replay.advance(Duration.ofMinutes(5));
            assertThat(replay.transitions()).isEmpty();
            assertThat(replay.finish().latest()).isEmpty();
        }
    }

    private static Incident latest(List<Incident> transitions) {
        assertThat(transitions).isNotEmpty();
        Incident last = transitions.get(transitions.size() - 1);
        assertThat(last.getId()).isEqualTo(ID);
        return last;
    }
}
