package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.correlate.PodState;
import dev.incidents.analyzer.hints.Clue;
import java.time.Instant;
import java.util.List;

/**
 * A capacity incident of a pod for which a node was requested: it opens only after {@code incidents.scale-up.grace}
 * from the trigger (see {@code IncidentLifecycle}), so when it does, the requested node has not taken the pod in that
 * time: the scale-up itself is what failed, whatever the nodes already there offer.
 */
final class ScaleUpStalled {
    private ScaleUpStalled() {
    }

    /** The clue, with the first waiting pod's trigger time, or nothing when no waiting pod had a scale-up triggered. */
    static List<CauseEvidence> evidence(SubjectView subject) {
        for (var e : subject.pods().entrySet()) {
            PodState pod = e.getValue();
            if (pod.scaleUpAt > 0 && pod.node == null) {
                return List.of(CauseEvidence.proving(Clue.SCALE_UP_STALLED, "a node was requested for pod " + e.getKey()
                        + " at " + Instant.ofEpochMilli(pod.scaleUpAt) + " and none has taken it"));
            }
        }
        return List.of();
    }
}
