package dev.incidents.analyzer.signal;

import dev.incidents.schemas.Condition;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.ObjectRef;
import dev.incidents.schemas.PodSnapshot;
import java.time.Instant;
import java.util.Optional;

/**
 * The scheduler's verdict on a pending pod as the pod itself keeps it: condition {@code PodScheduled=False}, reason
 * {@code Unschedulable}, with the message of its {@code FailedScheduling} event. The condition outlives the event
 * (Events expire after an hour, and the API server drops repeats of a busy one), so a pod pending since yesterday, a
 * shipper started late or a pasted {@code kubectl get pod -o yaml} may have only this. It stands for the event it
 * records: a {@code FailedScheduling} about the pod, first seen at the condition's transition and seen again at every
 * snapshot that still carries it (a pod still pending is a failure still going on, as the event's count bumps say).
 */
public final class UnschedulableCondition {
    private UnschedulableCondition() {
    }

    /** The event the condition of {@code pod}, seen at {@code time}, stands for; empty if the pod has no such condition. */
    public static Optional<KubeEvent> event(PodSnapshot pod, Instant time) {
        if (pod == null || pod.getNodeName() != null && !pod.getNodeName().isBlank()
                || pod.getPhase() != null && !"Pending".equals(pod.getPhase())
                || pod.getDeletionTimestamp() != null) {
            return Optional.empty(); // a pod being deleted is not retried: its condition is the past, not a failure now
        }
        for (Condition c : pod.getConditions()) {
            if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())
                    && "Unschedulable".equals(c.getReason()) && c.getMessage() != null && !c.getMessage().isBlank()) {
                return Optional.of(event(pod, c, time));
            }
        }
        return Optional.empty();
    }

    private static KubeEvent event(PodSnapshot pod, Condition condition, Instant time) {
        Instant since = condition.getLastTransitionTime() != null && condition.getLastTransitionTime().isBefore(time)
                ? condition.getLastTransitionTime() : time;
        String podId = pod.getUid() != null ? pod.getUid() : pod.getNamespace() + "/" + pod.getName();
        return KubeEvent.newBuilder()
                .setCluster(pod.getCluster())
                .setUid(podId + "/PodScheduled/" + since.toEpochMilli() + "/" + time.toEpochMilli())
                .setNamespace(pod.getNamespace())
                .setName(pod.getName() + ".PodScheduled")
                .setApiVersion("v1")
                .setInvolvedObject(ObjectRef.newBuilder().setApiVersion("v1").setKind("Pod")
                        .setNamespace(pod.getNamespace()).setName(pod.getName()).setUid(pod.getUid()).build())
                .setReason("FailedScheduling")
                .setMessage(condition.getMessage())
                .setType("Warning")
                .setCount(1)
                .setFirstTimestamp(since)
                .setLastTimestamp(time)
                .build();
    }
}
