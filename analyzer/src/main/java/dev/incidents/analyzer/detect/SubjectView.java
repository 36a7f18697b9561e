package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Subject;
import dev.incidents.analyzer.correlate.PodState;
import dev.incidents.schemas.NodeSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a detector may read besides the signal: the subject, what is known about its pods, and the cluster's nodes
 * (from the {@code nodes} global store; fetched only when a detector asks); for a node subject, the accelerator
 * counts it advertised and should advertise before the signal at hand.
 */
public record SubjectView(Subject subject, Map<String, PodState> pods, Supplier<List<NodeSnapshot>> nodes,
                          Map<String, Long> acceleratorsAdvertised, Map<String, Long> acceleratorsExpected) {

    public Optional<PodState> pod(Optional<String> name) {
        return name.map(pods::get);
    }
}
