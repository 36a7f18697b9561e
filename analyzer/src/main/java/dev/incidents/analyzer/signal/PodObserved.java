package dev.incidents.analyzer.signal;

import dev.incidents.schemas.Condition;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.PodSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Pod snapshot: phase, conditions and container statuses (where OOM kills show when no event says so). */
public record PodObserved(PodSnapshot snapshot, Instant time) implements Signal {

    public static PodObserved of(PodSnapshot pod) {
        return new PodObserved(pod, pod.getObservedAt());
    }

    @Override
    public Optional<String> pod() {
        return Optional.of(snapshot.getName());
    }

    @Override
    public Optional<String> node() {
        return Optional.ofNullable(snapshot.getNodeName()).filter(n -> !n.isBlank());
    }

    public boolean conditionTrue(String type) {
        return condition(type).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    private Optional<Condition> condition(String type) {
        for (Condition c : snapshot.getConditions()) {
            if (type.equals(c.getType())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The Ready condition; a snapshot without conditions (a {@code get pods} row: {@code 1/1 Running}) is Ready when
     * it is Running and every container it lists is ready, as the row's READY column counts them.
     */
    public boolean isReady() {
        Optional<Condition> ready = condition("Ready");
        if (ready.isPresent()) {
            return "True".equals(ready.get().getStatus());
        }
        return snapshot.getConditions().isEmpty() && "Running".equals(snapshot.getPhase())
                && !snapshot.getContainers().isEmpty() && snapshot.getContainers().stream().allMatch(Container::getReady);
    }

    /**
     * The snapshot does not say whether the pod is Ready: its Ready condition is {@code Unknown} (a describe cut
     * before any container's {@code Ready:} line and without its Conditions table is read so). Not Ready then proves
     * nothing about its readiness probe.
     */
    public boolean readinessUnknown() {
        return condition("Ready").map(c -> "Unknown".equals(c.getStatus())).orElse(false);
    }

    /**
     * Bound to a node: named on it, {@code PodScheduled} True, or seen past scheduling where only a bound pod gets
     * (phase Running or Succeeded, a container that ran): a listing row without a NODE column says no more.
     */
    public boolean isScheduled() {
        if (node().isPresent() || conditionTrue("PodScheduled") || "Running".equals(snapshot.getPhase())
                || "Succeeded".equals(snapshot.getPhase())) {
            return true;
        }
        return ran(snapshot.getContainers()) || ran(snapshot.getInitContainers());
    }

    private static boolean ran(java.util.List<Container> containers) {
        for (Container c : containers) {
            String kind = c.getState() == null ? null : c.getState().getKind();
            if ("running".equalsIgnoreCase(kind) || "terminated".equalsIgnoreCase(kind)) {
                return true;
            }
        }
        return false;
    }

    /** Every app container running (not waiting, not terminated). */
    public boolean allContainersRunning() {
        if (snapshot.getContainers().isEmpty()) {
            return false;
        }
        for (Container c : snapshot.getContainers()) {
            if (c.getState() == null || !"running".equalsIgnoreCase(c.getState().getKind())) {
                return false;
            }
        }
        return true;
    }

    /** Its init containers, then its app containers: an init container is configured and pulled like any other. */
    public List<Container> everyContainer() {
        List<Container> all = new ArrayList<>(snapshot.getInitContainers());
        all.addAll(snapshot.getContainers());
        return all;
    }

    public Optional<String> waitingReason() {
        for (Container c : snapshot.getContainers()) {
            if (c.getState() != null && "waiting".equalsIgnoreCase(c.getState().getKind())
                    && c.getState().getReason() != null) {
                return Optional.of(c.getState().getReason());
            }
        }
        return Optional.empty();
    }
}
