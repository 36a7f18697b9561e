package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.correlate.PodState;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.ProbeFailure;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.Signal;
import java.util.Optional;

/**
 * Restarts caused by a liveness or startup probe: the kubelet's {@code Killing} "Container x failed liveness probe,
 * will be restarted", and {@code BackOff} on a pod whose liveness/startup probe was seen failing. Typically a model
 * server that loads slower than the probe budget (initialDelay + failureThreshold x period); the {@code probe} fact
 * names the probe and its budget so the hint can suggest a startupProbe.
 */
public final class ProbeFailureDetector implements Detector {

    @Override
    public Category category() {
        return Category.PROBE_FAILURE;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (!(signal instanceof EventSignal e)) {
            return Optional.empty();
        }
        Optional<PodState> pod = subject.pod(e.pod());
        if ("Killing".equals(e.reason())) {
            Optional<ProbeFailure> probe = ProbeFailure.parse(e.message());
            if (probe.isPresent() && probe.get().restart() && probe.get().probe() != ProbeFailure.Probe.READINESS) {
                return Optional.of(Findings.of(e, facts(probe.get().probe().word(), probe.get().container(), pod)));
            }
        }
        if ("BackOff".equals(e.reason()) && e.message().contains("restarting failed container")
                && pod.map(p -> p.failedProbe != null).orElse(false)) {
            return Optional.of(Findings.of(e, facts(pod.get().failedProbe,
                    Optional.ofNullable(pod.get().failedProbeContainer), pod)));
        }
        return Optional.empty();
    }

    private static Facts facts(String probe, Optional<String> container, Optional<PodState> pod) {
        String described = pod.map(p -> p.probeBudgets.get(probe)).orElse(probe);
        return Facts.of(Fact.PROBE, described).with(Fact.CONTAINER, container);
    }
}
