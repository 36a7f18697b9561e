package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.ContainerState;
import java.util.Optional;

/** An init container crash-looping or ending non-zero ({@code Init:Error}, {@code Init:CrashLoopBackOff}), read from the snapshot. */
public final class InitContainerFailedDetector implements Detector {

    @Override
    public Category category() {
        return Category.INIT_CONTAINER_FAILED;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (!(signal instanceof PodObserved p)) {
            return Optional.empty();
        }
        for (Container c : p.snapshot().getInitContainers()) {
            ContainerState state = c.getState();
            ContainerState last = c.getLastState();
            boolean looping = state != null && "CrashLoopBackOff".equals(state.getReason());
            ContainerState ended = state != null && "terminated".equalsIgnoreCase(state.getKind()) ? state : last;
            boolean failed = ended != null && ended.getExitCode() != null && ended.getExitCode() != 0;
            if (looping || failed) {
                Facts facts = Facts.empty().with(Fact.EXIT_CODE,
                        Optional.ofNullable(ended).map(ContainerState::getExitCode).map(String::valueOf));
                return Optional.of(Findings.of(p, c, looping ? "Init:CrashLoopBackOff" : "Init:Error",
                        "init container " + c.getName() + (looping ? " crash-looping" : " failed")
                                + Optional.ofNullable(ended).map(ContainerState::getExitCode)
                                .map(x -> " (exit code " + x + ")").orElse(""), facts));
            }
        }
        return Optional.empty();
    }

    /** The kubelet pulls and starts init containers on every retry: only the app container running is recovery. */
    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        return PhaseRecovery.running(signal);
    }
}
