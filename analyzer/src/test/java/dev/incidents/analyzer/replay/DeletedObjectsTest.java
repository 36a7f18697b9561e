package dev.incidents.analyzer.replay;

import static dev.incidents.analyzer.Kube.podEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.IncidentTopology;
import dev.incidents.analyzer.Kube;
import dev.incidents.analyzer.PodOwners;
import dev.incidents.analyzer.Subject;
import dev.incidents.analyzer.correlate.SubjectState;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;

/**
 * What a deleted pod or node leaves behind: nothing in the views and indexes that hold live objects (the pod owners,
 * the placements, the nodes, a subject's pods), so what replay holds follows the cluster's live objects, not the
 * length of its recording. The subject's own state stays for its retention, as any quiet subject's does.
 */
class DeletedObjectsTest {

    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    static final String NODE = "ip-10-0-1-149.ec2.internal";
    static final String NODE_KEY = "test/" + NODE;
    static final String POD = "triton-79569cfbbc-m2wcc";
    static final String POD_KEY = "test/inference/" + POD;
    static final String WORKLOAD = "test/inference/Deployment/triton";
    static final String BACK_OFF = "Back-off restarting failed container triton in pod " + POD + "_inference(uid)";

    static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    static PodSnapshot terminating(PodSnapshot pod, Instant at) {
        return PodSnapshot.newBuilder(pod).setObservedAt(at).setDeletionTimestamp(at.plusSeconds(30)).build();
    }

    @Test
    void a_gpu_pod_deleted_and_its_node_scaled_down_leave_no_entry_in_the_views_or_the_subjects_pods() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            KeyValueStore<String, String> owners = replay.driver().getKeyValueStore(PodOwners.STORE);
            KeyValueStore<String, ValueAndTimestamp<String>> placements =
                    replay.driver().getTimestampedKeyValueStore(IncidentTopology.PLACEMENTS_STORE);
            KeyValueStore<String, ValueAndTimestamp<NodeSnapshot>> nodes =
                    replay.driver().getTimestampedKeyValueStore(IncidentTopology.NODES_STORE);
            KeyValueStore<String, SubjectState> subjects = replay.driver().getKeyValueStore(IncidentTopology.SUBJECTS_STORE);
            String nodeSubject = Subject.node("test", NODE).key();

            replay.node(NODE_KEY, Kube.node(NODE, T0, Map.of("cpu", "48", "nvidia.com/gpu", "4")), T0);
            PodSnapshot running = Kube.pod("triton", POD, NODE, at(1), "Running", Kube.running(at(1)), null, 0, true);
            replay.pod(POD_KEY, running, at(1));
            replay.advance(Duration.ofSeconds(5));
            assertThat(owners.get(POD_KEY)).isEqualTo(WORKLOAD);
            assertThat(placements.get(POD_KEY).value()).isEqualTo(NODE + " nvidia.com/gpu=1");
            assertThat(nodes.get(NODE_KEY)).isNotNull();
            assertThat(subjects.get(WORKLOAD).pods).containsOnlyKeys(POD);
            assertThat(subjects.get(nodeSubject).pods).containsOnlyKeys(POD);

            // deleted as the API server does it: marked with a deletionTimestamp, gone when its grace period ends
            replay.pod(POD_KEY, terminating(running, at(60)), at(60));
            replay.pod(POD_KEY, null, at(90));
            replay.node(NODE_KEY, null, at(690)); // scaled down once empty
            replay.advance(Duration.ofSeconds(5));

            assertThat(owners.get(POD_KEY)).isNull();
            assertThat(placements.get(POD_KEY)).isNull();
            assertThat(nodes.get(NODE_KEY)).isNull();
            assertThat(subjects.get(WORKLOAD).pods).isEmpty();
            assertThat(subjects.get(nodeSubject).pods).isEmpty();
            assertThat(subjects.get(nodeSubject).acceleratorsAdvertised).isEmpty();
        }
    }

    /** DESIGN section 4: RESOLVED when recovery is observed; a pod deleted is the end of its failures. */
    @Test
    void an_incident_whose_pods_are_all_deleted_resolves_as_recovered() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            PodSnapshot crashing = Kube.pod("triton", POD, NODE, T0, "Running", Kube.waiting("CrashLoopBackOff"),
                    Kube.terminated("Error", 1, T0), 4, false);
            replay.pod(POD_KEY, crashing, T0);
            KubeEvent backOff = podEvent(POD, "Warning", "BackOff", BACK_OFF, at(10), "bo-1", NODE);
            replay.event(backOff, at(10));
            for (int i = 2; i <= 6; i++) {
                backOff.setCount(i);
                backOff.setLastTimestamp(at(60 * i));
                replay.event(backOff, at(60 * i));
            }
            replay.pod(POD_KEY, terminating(crashing, at(400)), at(400));
            replay.pod(POD_KEY, null, at(430));
            List<Incident> transitions = replay.finish().transitions();

            assertThat(transitions).extracting(i -> i.getCategory() + ":" + i.getStatus())
                    .containsExactly("CRASH_LOOP:OPEN", "CRASH_LOOP:RESOLVED");
            assertThat(transitions.get(1).getResolution()).isEqualTo("recovered: pod " + POD + " deleted");
            assertThat(transitions.get(1).getId()).isEqualTo(WORKLOAD + "/CRASH_LOOP");
        }
    }
}
