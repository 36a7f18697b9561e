package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.ObjectRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The node controller marks every pod of a node it finds not ready with {@code NodeNotReady} ("Node is not ready"); a
 * pod's describe may be all there is of the node's outage. With the node as the event's related object, it is the
 * node's NODE_NOT_READY; without one, nothing says which node, and nothing opens.
 */
class NodeNotReadyOnPodReplayTest {

    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    static final String POD = "web-595dff4799-hz9xr";
    static final String NODE = "wp-5.novalocal";

    static KubeEvent markedNotReady(ObjectRef related) {
        KubeEvent event = Kube.podEvent(POD, "Warning", "NodeNotReady", "Node is not ready", T0, "nnr-1", null);
        event.setReportingComponent("node-controller");
        event.setRelated(related);
        return event;
    }

    @Test
    void a_pods_node_not_ready_event_is_its_nodes_outage() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(markedNotReady(ObjectRef.newBuilder().setKind("Node").setName(NODE).build()), T0);
            List<Incident> latest = replay.finish().latest();
            assertThat(latest).singleElement().satisfies(i -> {
                assertThat(i.getId()).isEqualTo("test/node/" + NODE + "/NODE_NOT_READY");
                assertThat(i.getStatus()).isEqualTo(IncidentStatus.OPEN);
                assertThat(i.getNodes()).containsExactly(NODE);
            });
        }
    }

    @Test
    void without_its_node_the_event_opens_nothing() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(markedNotReady(null), T0);
            assertThat(replay.finish().latest()).isEmpty();
        }
    }
}
