package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.NodeObserved;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.schemas.Condition;
import dev.incidents.schemas.Container;
import java.time.Instant;
import java.util.Optional;

/** Builds {@link Finding}s from the two shapes evidence comes in: an event, a container status in a pod snapshot. */
public final class Findings {
    private Findings() {
    }

    /**
     * Evidence from an event; the failing object is its pod's container ({@code pod/container}) when the event names
     * one, so only that container's recovery ends it (a sidecar's {@code Started} does not), else its pod, else its
     * involved object.
     */
    public static Finding of(EventSignal e, Facts facts) {
        Facts all = facts;
        if (e.pod().isPresent()) {
            all = all.with(Fact.POD, e.pod().get());
        }
        if (e.node().isPresent() && !all.has(Fact.NODE)) {
            all = all.with(Fact.NODE, e.node().get());
        }
        all = all.with(Fact.COUNT, Integer.toString(Math.max(1, e.event().getCount())));
        String failing = e.pod().map(pod -> e.container().map(c -> pod + "/" + c).orElse(pod)).orElse(e.involvedName());
        return new Finding(failing, e.pod(), e.node(), all, e.uid(),
                Math.max(1, e.event().getCount()), e.firstTime(), e.time(), e.involvedKind(), e.involvedName(),
                e.reason(), e.message(), false, Optional.empty());
    }

    /** Evidence from a pod's own status ({@code reason}/{@code message}); one per pod and reason. */
    public static Finding of(PodObserved p, String reason, String message, Facts facts) {
        String pod = p.snapshot().getName();
        Facts all = facts.with(Fact.POD, pod);
        if (p.node().isPresent()) {
            all = all.with(Fact.NODE, p.node().get());
        }
        return new Finding(pod, Optional.of(pod), p.node(), all, pod + "/" + reason, 1, p.time(), p.time(), "Pod",
                pod, reason, message, false, Optional.empty());
    }

    /**
     * Evidence from a container status: identity is pod + container + restart count, so a snapshot repeated without
     * a new restart adds nothing and does not keep the incident from going quiet.
     */
    public static Finding of(PodObserved p, Container container, String reason, String message, Facts facts) {
        String pod = p.snapshot().getName();
        Facts all = facts.with(Fact.POD, pod).with(Fact.CONTAINER, container.getName())
                .with(Fact.RESTART_COUNT, Integer.toString(container.getRestartCount()));
        if (container.getImage() != null) {
            all = all.with(Fact.IMAGE, container.getImage());
        }
        if (p.node().isPresent()) {
            all = all.with(Fact.NODE, p.node().get());
        }
        return new Finding(pod, Optional.of(pod), p.node(), all,
                pod + "/" + container.getName() + "/" + reason + "/" + container.getRestartCount(),
                1, p.time(), p.time(), "Pod", pod, reason, message, false, Optional.empty());
    }

    /**
     * Evidence from a node condition (Ready False, a GPU health condition set by Node Problem Detector): the failing
     * object is {@code node/conditionType}, identity its last transition, so a snapshot repeating the same condition
     * adds nothing; the failure started at the transition when that is known and earlier.
     */
    public static Finding of(NodeObserved n, Condition condition, Facts facts) {
        String node = n.snapshot().getName();
        Instant since = condition.getLastTransitionTime() != null && condition.getLastTransitionTime().isBefore(n.time())
                ? condition.getLastTransitionTime() : n.time();
        String reason = condition.getReason() == null || condition.getReason().isBlank()
                ? condition.getType() : condition.getReason();
        String message = condition.getType() + "=" + condition.getStatus()
                + (condition.getMessage() == null || condition.getMessage().isBlank() ? "" : ": " + condition.getMessage());
        return new Finding(node + "/" + condition.getType(), Optional.empty(), Optional.of(node),
                facts.with(Fact.NODE, node), node + "/" + condition.getType() + "/" + since.toEpochMilli(), 1, since,
                n.time(), "Node", node, reason, message, true, Optional.empty());
    }
}
