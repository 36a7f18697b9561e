package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.EvictionMessage;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import java.util.Optional;

/** The kubelet's {@code Evicted} on a pod, or a pod left Failed with reason {@code Evicted} ("The node was low on resource: ephemeral-storage..."); the evidence names the pressure. */
public final class PodEvictedDetector implements Detector {

    @Override
    public Category category() {
        return Category.POD_EVICTED;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && e.pod().isPresent() && "Evicted".equals(e.reason())) {
            return Optional.of(Findings.of(e, pressure(e.message())));
        }
        // The Evicted event is gone an hour later; the pod stays Failed with reason Evicted and the same message.
        if (signal instanceof PodObserved p && "Evicted".equals(p.snapshot().getReason())) {
            String message = p.snapshot().getMessage() == null ? "" : p.snapshot().getMessage();
            return Optional.of(Findings.of(p, "Evicted", message, pressure(message)));
        }
        return Optional.empty();
    }

    /** The pressure the eviction message names (memory, disk, ephemeral-storage, PID) and the container it blames. */
    private static Facts pressure(String message) {
        return EvictionMessage.parse(message).map(EvictionMessage::facts).orElse(Facts.empty());
    }
}
