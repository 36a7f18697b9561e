package dev.incidents.analyzer.detect;

import java.util.Optional;

/**
 * A signal that shows a failing object well again: the pod got scheduled, pulled its image, the node is Ready.
 *
 * @param object     the object that recovered (a pod name, a ReplicaSet, a node); empty = all of them
 * @param resolution the words for the incident's {@code resolution} field
 * @param settled    the recovery of all holds even at the moment of the last evidence: it ends the failure whatever
 *                   order one moment's records come in (a Job that completed), where another recovery of all counts
 *                   only once event time has moved past that evidence
 */
public record Recovery(Optional<String> object, String resolution, boolean settled) {

    public static Recovery of(String object, String resolution) {
        return new Recovery(Optional.of(object), resolution, false);
    }

    public static Recovery all(String resolution) {
        return new Recovery(Optional.empty(), resolution, false);
    }

    /** A recovery of all that one moment's other records cannot undo ({@link #settled}). */
    public static Recovery settled(String resolution) {
        return new Recovery(Optional.empty(), resolution, true);
    }
}
