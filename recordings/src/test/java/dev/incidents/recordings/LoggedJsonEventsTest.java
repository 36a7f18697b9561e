package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events a program logs as indented JSON among its own lines (shell-operator's example hook printing each Event it
 * receives), cut by the reporter with {@code ...} and a comma left before a closing brace.
 */
class LoggedJsonEventsTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private static List<KubeEvent> events(String text) {
        List<Recorded> records = Fixtures.pasted(text, NOW);
        return records.stream().map(r -> (KubeEvent) r.value()).toList();
    }

    /**
     * shell-operator's 106-monitor-events example: events.k8s.io Events ({@code note}, {@code regarding}), the first
     * naming the pod, the later ones cut to their reason and note: all about that pod, in the order printed.
     */
    @Test
    void eventsLoggedAsJsonCutByTheReporterAreAboutTheObjectTheyName() {
        List<KubeEvent> events = events("""
                $ kubectl -n example-monitor-events logs po/shell-operator
                ...
                Got Event:\s
                {
                  ...
                  "note": "Successfully assigned example-monitor-events/failed-pod to kube-13-worker",
                  "reason": "Scheduled",
                  "regarding": {
                    "apiVersion": "v1",
                    "kind": "Pod",
                    "name": "failed-pod",
                    "namespace": "example-monitor-events"
                  },
                  ...
                }
                ...
                Got Event:\s
                { ...
                  "note": "Started container",
                  "reason": "Started",
                }
                ...
                Got Event:\s
                {
                  "note": "Back-off restarting failed container... again",
                  "reason": "BackOff",
                }
                """);

        assertThat(events).extracting(KubeEvent::getReason).containsExactly("Scheduled", "Started", "BackOff");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getInvolvedObject().getKind()).isEqualTo("Pod");
            assertThat(e.getInvolvedObject().getName()).isEqualTo("failed-pod");
            assertThat(e.getNamespace()).isEqualTo("example-monitor-events");
        });
        assertThat(events.get(2).getMessage()).as("dots inside a message are the message's")
                .isEqualTo("Back-off restarting failed container... again");
    }

    /** Core Events ({@code involvedObject}, {@code message}) logged the same way; a Pod's JSON is no event. */
    @Test
    void coreEventsAmongOtherObjects() {
        List<KubeEvent> events = events("""
                2025/01/01 00:00:00 watched:
                {
                  "kind": "Event",
                  "involvedObject": {"kind": "Pod", "namespace": "serving", "name": "triton-0"},
                  "reason": "FailedScheduling",
                  "message": "0/4 nodes are available: 4 Insufficient nvidia.com/gpu.",
                  "type": "Warning"
                }
                2025/01/01 00:00:01 watched:
                {
                  "kind": "Pod",
                  "metadata": {"name": "triton-0"},
                  "reason": "x",
                  "message": "y"
                }
                """);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getReason()).isEqualTo("FailedScheduling");
            assertThat(e.getInvolvedObject().getName()).isEqualTo("triton-0");
        });
    }

    /**
     * Events that name no object are left to the readers of prose (an unnamed pod's at most); one the cut left without
     * its object among events naming several is about none of them.
     */
    @Test
    void anEventWithoutItsObjectIsLeftOutUnlessOneObjectIsNamed() {
        assertThat(Fixtures.pasted("""
                Got Event:
                {
                  "note": "Back-off restarting failed container",
                  "reason": "BackOff"
                }
                """, NOW)).allSatisfy(r -> assertThat(((KubeEvent) r.value()).getInvolvedObject()
                        .getName()).isEqualTo(Unnamed.POD));

        List<KubeEvent> events = events("""
                Got Events:
                {
                  "note": "Started container", "reason": "Started",
                  "regarding": {"kind": "Pod", "name": "a", "namespace": "x"}
                }
                {
                  "note": "Started container", "reason": "Started",
                  "regarding": {"kind": "Pod", "name": "b", "namespace": "x"}
                }
                {
                  "note": "Back-off restarting failed container", "reason": "BackOff"
                }
                """);
        assertThat(events).extracting(e -> e.getInvolvedObject().getName()).containsExactly("a", "b");
    }
}
