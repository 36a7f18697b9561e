package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.ContainerBackOff;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Container;
import java.util.Optional;
import java.util.Set;

/**
 * A container restarting over and over ({@code BackOff} "Back-off restarting failed container", worded without the
 * container name before Kubernetes 1.26, or a snapshot waiting in {@code CrashLoopBackOff}) that OOM kills or probe
 * kills do not explain: it yields to those, which say why, to an init container failing (the pod never gets to
 * its app containers) and to the runtime failing to start the container at all.
 */
public final class CrashLoopDetector implements Detector {

    @Override
    public Category category() {
        return Category.CRASH_LOOP;
    }

    @Override
    public Set<Category> yieldsTo() {
        return Set.of(Category.OOM_KILLED, Category.PROBE_FAILURE, Category.INIT_CONTAINER_FAILED,
                Category.CONTAINER_START_FAILED);
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && "BackOff".equals(e.reason()) && e.pod().isPresent()) {
            Optional<ContainerBackOff> backOff = ContainerBackOff.parse(e.message());
            if (backOff.isEmpty()) {
                return Optional.empty();
            }
            Facts facts = Facts.empty().with(Fact.CONTAINER, backOff.get().container());
            var pod = subject.pod(e.pod());
            if (pod.isPresent()) {
                facts = facts.with(Fact.EXIT_CODE, Optional.ofNullable(pod.get().lastExitCode).map(String::valueOf));
                if (pod.get().restartCount > 0) {
                    facts = facts.with(Fact.RESTART_COUNT, Integer.toString(pod.get().restartCount));
                }
                if (!facts.has(Fact.CONTAINER)) {
                    // before 1.26 the back-off names no container: the snapshot's, else the one last started
                    facts = facts.with(Fact.CONTAINER, Optional.ofNullable(pod.get().container)
                            .or(() -> Optional.ofNullable(pod.get().startedContainer)));
                }
            }
            return Optional.of(Findings.of(e, facts));
        }
        if (signal instanceof PodObserved p) {
            for (Container c : p.snapshot().getContainers()) {
                if (c.getState() != null && "CrashLoopBackOff".equals(c.getState().getReason())) {
                    Facts facts = Facts.empty().with(Fact.EXIT_CODE, Optional.ofNullable(c.getLastState())
                            .map(s -> s.getExitCode()).map(String::valueOf));
                    return Optional.of(Findings.of(p, c, "CrashLoopBackOff", "container " + c.getName()
                            + " waiting in CrashLoopBackOff, restart count " + c.getRestartCount(), facts));
                }
            }
        }
        return Optional.empty();
    }
}
