package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.ContainerState;
import java.util.Optional;

/**
 * A container killed for exceeding its memory limit. Often there is no event at all (the kubelet records
 * {@code OOMKilled} only in the container's {@code lastState}), so the pod snapshot is the main evidence; each new
 * restart is a new signal. Exit code 137 alone is only SIGKILL (a liveness kill ends the same way), so it counts
 * only with the reason {@code OOMKilled}. The node's {@code OOMKilling} event and a {@code BackOff} of a pod last
 * seen OOM-killed count too. An init container killed so is the same: the kernel's kill of a container over its
 * limit, whatever the exit code its runtime recorded (a GPU init container {@code OOMKilled} with {@code Exit Code: 0}
 * leaves the pod in PodInitializing, nvidia-container-toolkit#30), and the remedy is its memory limit.
 */
public final class OomKilledDetector implements Detector {

    @Override
    public Category category() {
        return Category.OOM_KILLED;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof PodObserved p) {
            for (Container c : containers(p)) {
                // the current state for a container that is not restarted (a Job's pod, restartPolicy Never) or is
                // caught between the kill and its restart; else the last termination
                ContainerState last = c.getState() != null && "OOMKilled".equals(c.getState().getReason())
                        ? c.getState() : c.getLastState();
                if (last != null && "OOMKilled".equals(last.getReason())) {
                    Facts facts = Facts.empty().with(Fact.EXIT_CODE,
                            Optional.ofNullable(last.getExitCode()).map(String::valueOf));
                    return Optional.of(Findings.of(p, c, "OOMKilled",
                            "container " + c.getName() + (last == c.getState() ? " terminated" : " last terminated")
                                    + " OOMKilled (exit code "
                                    + Optional.ofNullable(last.getExitCode()).map(String::valueOf).orElse("137")
                                    + "), restart count " + c.getRestartCount(), facts));
                }
            }
            return killedAtItsMemoryLimit(p, subject);
        }
        if (signal instanceof EventSignal e) {
            // the kernel's kill recorded on the pod itself ("Cgroup OOM encountered, victim process: stress, pid: 1",
            // the cgroup's OOM event a kubelet turns into the pod's; a node's "System OOM encountered" is no pod's)
            if (("OOMKilling".equals(e.reason()) || e.message().startsWith("Cgroup OOM encountered"))
                    && e.pod().isPresent()) {
                return Optional.of(Findings.of(e, Facts.empty()));
            }
            if ("BackOff".equals(e.reason()) && e.message().contains("restarting failed container")
                    && subject.pod(e.pod()).map(s -> "OOMKilled".equals(s.lastTerminationReason)).orElse(false)) {
                return Optional.of(Findings.of(e, Facts.of(Fact.EXIT_CODE, "137")));
            }
        }
        return Optional.empty();
    }

    /**
     * A container that restarts after ending on SIGKILL recorded as {@code Error} (exit code 137, no {@code OOMKilled}),
     * with a memory limit and no liveness or startup probe, in a pod no probe was seen failing: nothing but the kernel
     * at the memory limit kills a container so (a liveness kill ends on 137 too, hence no probe). Runtimes record the
     * kill as {@code Error} when the process killed is not the container's main one (a shell's child, a worker of a
     * server), which the main one then reports as its own 137.
     */
    private static Optional<Finding> killedAtItsMemoryLimit(PodObserved p, SubjectView subject) {
        if (subject.pod(Optional.of(p.snapshot().getName())).map(s -> s.failedProbe != null).orElse(false)) {
            return Optional.empty();
        }
        for (Container c : p.snapshot().getContainers()) {
            ContainerState last = c.getLastState();
            boolean killed = last != null && Integer.valueOf(SIGKILLED).equals(last.getExitCode())
                    && (last.getReason() == null || "Error".equals(last.getReason()));
            boolean probed = c.getProbes().stream().anyMatch(probe -> !"readiness".equals(probe.getKind()));
            if (killed && c.getRestartCount() > 0 && c.getLimits().containsKey("memory") && !probed) {
                return Optional.of(Findings.of(p, c, "Error",
                        "container " + c.getName() + " last terminated on SIGKILL (exit code 137) under its memory limit "
                                + c.getLimits().get("memory") + ", restart count " + c.getRestartCount(),
                        Facts.of(Fact.EXIT_CODE, String.valueOf(SIGKILLED)).withClue(Clue.KILLED_AT_MEMORY_LIMIT)));
            }
        }
        return Optional.empty();
    }

    /** 128 + 9: the exit code a runtime records for a process killed by SIGKILL. */
    private static final int SIGKILLED = 137;

    /** The app containers, then the init containers. */
    private static java.util.List<Container> containers(PodObserved p) {
        if (p.snapshot().getInitContainers().isEmpty()) {
            return p.snapshot().getContainers();
        }
        java.util.List<Container> all = new java.util.ArrayList<>(p.snapshot().getContainers());
        all.addAll(p.snapshot().getInitContainers());
        return all;
    }
}
