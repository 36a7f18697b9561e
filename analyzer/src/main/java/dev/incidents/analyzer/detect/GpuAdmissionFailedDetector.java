package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.messages.GpuAdmissionFailure;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodDeleted;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import java.util.Optional;

/**
 * The kubelet refusing an already scheduled pod because it cannot allocate its devices (seed 003, question 42):
 * {@code UnexpectedAdmissionError}, {@code OutOfnvidia.com/gpu}, {@code TopologyAffinityError}, as an event on the pod
 * or as the reason of a pod that ended {@code Failed}. A rejected pod is never retried: its controller makes a new
 * one, so the workload recovers when any of its pods runs, not when the rejected one does.
 */
public final class GpuAdmissionFailedDetector implements Detector {

    @Override
    public Category category() {
        return Category.GPU_ADMISSION_FAILED;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && e.pod().isPresent()) {
            return GpuAdmissionFailure.parse(e.reason(), e.message()).map(f -> Findings.of(e, f.facts()));
        }
        if (signal instanceof PodObserved p && "Failed".equals(p.snapshot().getPhase())) {
            String reason = p.snapshot().getReason();
            return GpuAdmissionFailure.parse(reason, p.snapshot().getMessage())
                    .map(f -> Findings.of(p, reason, f.raw().isBlank() ? reason : f.raw(), f.facts()));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        if (signal instanceof PodDeleted deleted) {
            return Optional.of(Recovery.of(deleted.name(), "recovered: pod " + deleted.name() + " deleted"));
        }
        if (signal instanceof PodObserved p && p.allContainersRunning()) {
            return Optional.of(Recovery.all("recovered: pod " + p.snapshot().getName() + " admitted and running"
                    + p.node().map(n -> " on " + n).orElse("")));
        }
        return Optional.empty();
    }
}
