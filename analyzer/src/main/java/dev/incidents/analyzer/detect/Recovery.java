package dev.incidents.analyzer.detect;

import java.util.Optional;

/**
 * A signal that shows a failing object well again: the pod got scheduled, pulled its image, the node is Ready.
 *
 * @param object     the object that recovered (a pod name, a ReplicaSet, a node); empty = all of them
 * @param resolution the words for the incident's {@code resolution} field
 */
public record Recovery(Optional<String> object, String resolution) {

    public static Recovery of(String object, String resolution) {
        return new Recovery(Optional.of(object), resolution);
    }

    public static Recovery all(String resolution) {
        return new Recovery(Optional.empty(), resolution);
    }
}
