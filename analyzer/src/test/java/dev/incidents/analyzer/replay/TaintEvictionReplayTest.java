package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.KubeEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kubernetes#67300: the worker that ran a pod is shut down; five minutes later the taint manager evicts the pod
 * ({@code TaintManagerEviction}, "Marking for deletion Pod default/nginx-64f497f8fd-46g9x"), and the controller
 * manager's log lines are all the reporter pasted. The NoExecute taint it acts on is the node lifecycle controller's for
 * a node gone not ready, unnamed in the event: the cluster's unnamed node opens NODE_NOT_READY where no node was
 * observed. Where nodes are watched, the node's own condition says which one, and the eviction adds nothing; a
 * cancelled deletion (the taint went away in time) opens nothing.
 */
class TaintEvictionReplayTest {

    static final Instant T0 = Instant.parse("2018-08-11T13:56:30Z");
    static final String POD = "nginx-64f497f8fd-46g9x";

    static KubeEvent taintManager(String message) {
        KubeEvent event = Kube.podEvent(POD, "Normal", "TaintManagerEviction", message, T0, "tme-1", null);
        event.setReportingComponent("taint-eviction-controller");
        return event;
    }

    @Test
    void a_taint_manager_eviction_alone_is_a_node_not_ready() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(taintManager("Marking for deletion Pod inference/" + POD), T0);
            assertThat(replay.finish().latest()).singleElement().satisfies(i -> {
                assertThat(i.getId()).isEqualTo("test/node/unnamed-node/NODE_NOT_READY");
                assertThat(i.getStatus()).isEqualTo(IncidentStatus.OPEN);
            });
        }
    }

    @Test
    void a_cancelled_deletion_opens_nothing() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(taintManager("Cancelling deletion Pod inference/" + POD), T0);
            assertThat(replay.finish().latest()).isEmpty();
        }
    }

    @Test
    void where_nodes_are_observed_the_eviction_names_no_node_of_its_own() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.node("test/worker-1", Kube.node("worker-1", T0, Map.of("cpu", "8")), T0);
            replay.event(taintManager("Marking for deletion Pod inference/" + POD), T0.plusSeconds(1));
            assertThat(replay.finish().latest()).extracting(Incident::getId)
                    .doesNotContain("test/node/unnamed-node/NODE_NOT_READY");
        }
    }
}
