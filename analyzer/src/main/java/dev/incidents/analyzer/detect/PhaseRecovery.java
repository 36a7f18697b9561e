package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodDeleted;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Phase;
import java.util.Optional;

/**
 * The recovery signals of each phase (DESIGN section 4): Scheduled ends a scheduling problem, Pulled/Started a
 * startup problem, SuccessfulCreate a controller problem, a pod deletion any problem of that pod. A running pod
 * going Ready does NOT end a runtime problem: a crash-looping container is Ready between crashes, so runtime
 * incidents resolve by the quiet period or when the pod is gone.
 */
public final class PhaseRecovery {
    private PhaseRecovery() {
    }

    public static Optional<Recovery> of(Phase phase, Signal signal) {
        if (signal instanceof PodDeleted deleted) {
            return Optional.of(Recovery.of(deleted.name(), "recovered: pod " + deleted.name() + " deleted"));
        }
        return switch (phase) {
            case CONTROLLER -> controller(signal);
            case SCHEDULING -> scheduling(signal);
            case STARTUP -> startup(signal);
            default -> Optional.empty();
        };
    }

    /**
     * A pod of the Job that completed: the Job is done, which ends the failures of the pods it retried before, in
     * whatever order one moment's snapshots come ({@link Recovery#settled}).
     */
    public static Optional<Recovery> jobCompleted(Signal signal, SubjectView subject) {
        if (signal instanceof PodObserved p && "Succeeded".equals(p.snapshot().getPhase())
                && "Job".equals(subject.subject().kind())) {
            return Optional.of(Recovery.settled("recovered: pod " + p.snapshot().getName() + " of the Job completed"));
        }
        return Optional.empty();
    }

    private static Optional<Recovery> controller(Signal signal) {
        if (signal instanceof EventSignal e && "SuccessfulCreate".equals(e.reason())) {
            return Optional.of(Recovery.all("recovered: SuccessfulCreate on " + e.involvedKind() + " " + e.involvedName()));
        }
        if (signal instanceof PodObserved p) {
            return Optional.of(Recovery.all("recovered: pod " + p.snapshot().getName() + " exists"));
        }
        return Optional.empty();
    }

    private static Optional<Recovery> scheduling(Signal signal) {
        if (signal instanceof EventSignal e && "Scheduled".equals(e.reason()) && e.pod().isPresent()) {
            return Optional.of(Recovery.of(e.pod().get(), "recovered: pod " + e.pod().get() + " Scheduled"
                    + e.node().map(n -> " on " + n).orElse("")));
        }
        if (signal instanceof PodObserved p && p.isScheduled()) {
            return Optional.of(Recovery.of(p.snapshot().getName(), "recovered: pod " + p.snapshot().getName()
                    + " Scheduled" + p.node().map(n -> " on " + n).orElse("")));
        }
        return Optional.empty();
    }

    /**
     * Recovery of failures that happen after the image is pulled (config errors, init containers): only the app
     * container running counts; the kubelet logs {@code Pulled} and an init container's {@code Started} on every retry.
     */
    public static Optional<Recovery> running(Signal signal) {
        if (signal instanceof PodDeleted deleted) {
            return Optional.of(Recovery.of(deleted.name(), "recovered: pod " + deleted.name() + " deleted"));
        }
        if (signal instanceof PodObserved p && p.allContainersRunning()) {
            return Optional.of(Recovery.of(p.snapshot().getName(), "recovered: pod " + p.snapshot().getName()
                    + " running"));
        }
        return Optional.empty();
    }

    private static Optional<Recovery> startup(Signal signal) {
        if (signal instanceof EventSignal e && e.pod().isPresent()
                && ("Pulled".equals(e.reason()) || "Started".equals(e.reason()))) {
            // Scoped to the container the event names: a sidecar pulled or started says nothing of the main one.
            String object = e.container().map(c -> e.pod().get() + "/" + c).orElse(e.pod().get());
            return Optional.of(Recovery.of(object, "recovered: " + e.reason() + " on pod " + e.pod().get()
                    + e.container().map(c -> " (container " + c + ")").orElse("")));
        }
        if (signal instanceof PodObserved p && p.allContainersRunning()) {
            return Optional.of(Recovery.of(p.snapshot().getName(), "recovered: pod " + p.snapshot().getName()
                    + " running"));
        }
        return Optional.empty();
    }
}
