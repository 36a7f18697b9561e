package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.ReplicaCreateFailure;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.Signal;
import java.util.Optional;

/**
 * {@code FailedCreate} on a ReplicaSet, StatefulSet, Job or DaemonSet, or a Deployment's {@code ReplicaFailure}:
 * the API server refused the Pod, so no Pod exists (which is what tells it apart from a Pending or failing Pod,
 * see seed 000). The failing object is the controller; it recovers on its own {@code SuccessfulCreate}, not on
 * pods of another ReplicaSet that happen to exist during a rollout. Operators record the same refusal on their own
 * resource in their own words (Kubeflow's {@code FailedCreatePod} on a TFJob, KubeRay's {@code FailedToCreateWorkerPod}
 * on a RayCluster) and their success as {@code SuccessfulCreatePod}, {@code CreatedWorkerPod}.
 */
public final class ReplicaCreateFailedDetector implements Detector {

    /** The Deployment condition as the recordings reader words it: {@code ...; new ReplicaSet triton-6c8d9b7f5d (0/1 replicas created)}. */
    private static final java.util.regex.Pattern NEW_REPLICA_SET =
            java.util.regex.Pattern.compile("new ReplicaSet (\\S+)");

    private static final java.util.regex.Pattern CREATE_FAILED =
            java.util.regex.Pattern.compile("FailedCreate|ReplicaFailure|FailedCreatePods?|FailedToCreate\\w*Pods?");
    private static final java.util.regex.Pattern CREATED =
            java.util.regex.Pattern.compile("SuccessfulCreate(?:Pods?)?|Created\\w*Pod");

    @Override
    public Category category() {
        return Category.REPLICA_CREATE_FAILED;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (!(signal instanceof EventSignal e) || !CREATE_FAILED.matcher(e.reason()).matches()) {
            return Optional.empty();
        }
        ReplicaCreateFailure failure = ReplicaCreateFailure.parse(e.message());
        Facts facts = failure.facts();
        java.util.regex.Matcher newReplicaSet = NEW_REPLICA_SET.matcher(e.message());
        if ("ReplicaSet".equals(e.involvedKind())) {
            facts = facts.with(Fact.REPLICASET, e.involvedName());
        } else if (failure.podPrefix().isPresent() && failure.podPrefix().get().endsWith("-")) {
            // pods "triton-5fc797b8f8-" is forbidden: the prefix is the ReplicaSet's name plus a dash.
            String prefix = failure.podPrefix().get();
            facts = facts.with(Fact.REPLICASET, prefix.substring(0, prefix.length() - 1));
        } else if (newReplicaSet.find()) {
            facts = facts.with(Fact.REPLICASET, newReplicaSet.group(1));
        }
        return Optional.of(Findings.of(e, facts));
    }

    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && CREATED.matcher(e.reason()).matches()) {
            return Optional.of(Recovery.of(e.involvedName(),
                    "recovered: " + e.involvedKind() + " " + e.involvedName() + " created pods (" + e.reason() + ")"));
        }
        return Optional.empty();
    }
}
