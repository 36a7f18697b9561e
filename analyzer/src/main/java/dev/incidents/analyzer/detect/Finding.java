package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.hints.Facts;
import java.time.Instant;
import java.util.Optional;

/**
 * One piece of failure evidence a detector recognised in a signal.
 *
 * @param object          what is failing and must recover: a pod name, or the ReplicaSet / node / PVC for
 *                        evidence about no pod
 * @param pod             the pod, when the evidence is about one
 * @param node            the node, when known
 * @param facts           what the hint catalog needs (image, path, resource, exit code, ...)
 * @param evidenceKey     identity across repeats: an event's uid (count bumps are the same signal), a pod's
 *                        container and restart count
 * @param count           how many times this evidence occurred so far (event count, restart count): a repeat
 *                        with the same or a lower count adds nothing
 * @param firstTime       when this evidence was first seen (an event with count 12 started long ago)
 * @param time            when it was last seen
 * @param kind            evidence line: kind of the object (Pod, ReplicaSet, Node)
 * @param name            evidence line: name of the object
 * @param reason          evidence line: the reason (FailedScheduling, Failed, BackOff, OOMKilled)
 * @param message         evidence line: the raw message
 * @param nodeLevel       for node incidents: the node itself reports the condition (not only workloads hit on it)
 * @param workload        for node incidents: the workload hit, as {@code namespace/Kind/name}
 */
public record Finding(String object, Optional<String> pod, Optional<String> node, Facts facts, String evidenceKey,
                      int count, Instant firstTime, Instant time, String kind, String name, String reason,
                      String message, boolean nodeLevel, Optional<String> workload) {

    /** This finding with its evidence going on since {@code first} (a snapshot's account of how long it has lasted). */
    public Finding since(Instant first) {
        return new Finding(object, pod, node, facts, evidenceKey, count, first, time, kind, name, reason, message,
                nodeLevel, workload);
    }
}
