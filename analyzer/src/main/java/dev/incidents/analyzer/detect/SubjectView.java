package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Subject;
import dev.incidents.analyzer.correlate.PodState;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a detector may read besides the signal: the subject, what is known about its pods, what the cluster's nodes
 * offer of a resource (from the {@code nodes} global store, through its index); for a node subject, the accelerator
 * counts it advertised and should advertise before the signal at hand.
 */
public record SubjectView(Subject subject, Map<String, PodState> pods, Function<String, ResourceOffer> nodeOffers,
                          Map<String, Long> acceleratorsAdvertised, Map<String, Long> acceleratorsExpected) {

    public Optional<PodState> pod(Optional<String> name) {
        return name.map(pods::get);
    }
}
