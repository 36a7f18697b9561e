package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.ContainerStartFailure;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.ContainerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runtime cannot start a container although its image is on the node: the kubelet's {@code Failed} event with the
 * runtime's error ({@code OCI runtime create failed}, the NVIDIA hook's {@code nvidia-container-cli: initialization
 * error}), or a container status {@code StartError} / {@code RunContainerError} / {@code CreateContainerError}, for app
 * and init containers alike (the runtime fails the same way for both). The back-off that follows is a consequence, so
 * CRASH_LOOP and INIT_CONTAINER_FAILED yield to this. Recovers when the app containers run.
 */
public final class ContainerStartFailedDetector implements Detector {

    @Override
    public Category category() {
        return Category.CONTAINER_START_FAILED;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && e.pod().isPresent() && "Failed".equals(e.reason())) {
            return ContainerStartFailure.parse(e.message())
                    .map(f -> Findings.of(e, f.facts().with(Fact.CONTAINER, e.container())));
        }
        if (signal instanceof PodObserved p) {
            List<Container> all = new ArrayList<>(p.snapshot().getInitContainers());
            all.addAll(p.snapshot().getContainers());
            for (Container c : all) {
                Optional<ContainerState> failed = startFailure(c.getState()).or(() -> startFailure(c.getLastState()));
                if (failed.isPresent()) {
                    ContainerStartFailure f = ContainerStartFailure.ofStatus(failed.get().getReason(),
                            failed.get().getMessage());
                    Facts facts = f.facts().with(Fact.EXIT_CODE,
                            Optional.ofNullable(failed.get().getExitCode()).map(String::valueOf));
                    return Optional.of(Findings.of(p, c, failed.get().getReason(), "container " + c.getName() + " "
                            + failed.get().getKind() + " " + failed.get().getReason()
                            + (f.raw().equals(failed.get().getReason()) ? "" : ": " + f.raw()), facts));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ContainerState> startFailure(ContainerState state) {
        return Optional.ofNullable(state).filter(s -> ContainerStartFailure.isStartReason(s.getReason()));
    }

    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        return PhaseRecovery.running(signal);
    }
}
