package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.ProbeFailure;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import java.time.Duration;
import java.util.Optional;

/**
 * A readiness probe failing persistently: Running but never Ready. One or two failures while a model loads are
 * normal (healthy-readiness-during-startup), so it takes several failures over minutes, and Ready ends it.
 */
public final class ReadinessFailingDetector implements Detector {

    @Override
    public Category category() {
        return Category.READINESS_FAILING;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && e.pod().isPresent() && "Unhealthy".equals(e.reason())) {
            Optional<ProbeFailure> probe = ProbeFailure.parse(e.message());
            if (probe.isPresent() && probe.get().probe() == ProbeFailure.Probe.READINESS) {
                return Optional.of(Findings.of(e, Facts.of(Fact.PROBE, "readiness")));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean sufficient(EvidenceSummary evidence) {
        return evidence.totalCount() >= 3 && evidence.span().compareTo(Duration.ofMinutes(2)) >= 0;
    }

    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        if (signal instanceof PodObserved p && p.isReady()) {
            return Optional.of(Recovery.of(p.snapshot().getName(), "recovered: pod " + p.snapshot().getName() + " Ready"));
        }
        return PhaseRecovery.of(category().phase(), signal);
    }
}
