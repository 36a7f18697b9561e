package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.correlate.PodState;
import dev.incidents.analyzer.messages.ContainerBackOff;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.ContainerState;
import java.util.Optional;
import java.util.regex.Pattern;

/** An init container crash-looping or ending non-zero ({@code Init:Error}, {@code Init:CrashLoopBackOff}), read from the snapshot. */
public final class InitContainerFailedDetector implements Detector {

    /**
     * An init container the runtime cannot start at all is CONTAINER_START_FAILED, and one killed over its memory limit
     * OOM_KILLED: each says why it fails.
     */
    @Override
    public java.util.Set<Category> yieldsTo() {
        return java.util.Set.of(Category.CONTAINER_START_FAILED, Category.OOM_KILLED);
    }

    @Override
    public Category category() {
        return Category.INIT_CONTAINER_FAILED;
    }

    /**
     * Init containers are named so by convention ({@code init}, {@code init-db}, {@code initmysql}, {@code db-init}).
     * Only used when an event is all there is: a snapshot's Init Containers section always wins.
     */
    private static final Pattern INIT_NAME = Pattern.compile("^init(?:$|[-_a-z0-9].*)|.*[-_]init$");

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && "BackOff".equals(e.reason()) && e.pod().isPresent()) {
            return backOffOfAnInitContainer(e, subject);
        }
        if (!(signal instanceof PodObserved p) || subject.jobCompleted()) {
            return Optional.empty();
        }
        for (Container c : p.snapshot().getInitContainers()) {
            ContainerState state = c.getState();
            ContainerState last = c.getLastState();
            boolean looping = state != null && "CrashLoopBackOff".equals(state.getReason());
            ContainerState ended = state != null && "terminated".equalsIgnoreCase(state.getKind()) ? state : last;
            // a runtime's end reason other than Completed is a failure even when the exit code is not known (a
            // kubectl get pods row says Init:Error, never the code)
            boolean failed = ended != null && (ended.getExitCode() != null ? ended.getExitCode() != 0
                    : ended.getReason() != null && !"Completed".equals(ended.getReason()));
            // init containers are restarted only when they fail: restarts of one that has not completed, while the
            // app containers wait, are failures whose ends the paste does not show (a get-pods row's Init:0/1 and 2)
            boolean restarted = !looping && !failed && c.getRestartCount() > 0 && !completed(state)
                    && !p.allContainersRunning();
            if (restarted) {
                return Optional.of(Findings.of(p, c, "Init:Restarted", "init container " + c.getName() + " restarted "
                        + c.getRestartCount() + (c.getRestartCount() == 1 ? " time" : " times") + " without completing",
                        Facts.empty()));
            }
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

    private static boolean completed(ContainerState state) {
        return state != null && "terminated".equalsIgnoreCase(state.getKind())
                && (Integer.valueOf(0).equals(state.getExitCode()) || "Completed".equals(state.getReason()));
    }

    /**
     * A restart back-off of a container named like an init container, in events without a pod snapshot: kubelets
     * before 1.26 do not name the container in the back-off, so it is the one last Created/Started
     * (train-ticket#233: {@code Started container initmysql} x5, then {@code Back-off restarting failed container}).
     * A pre-1.10 {@code FailedSync} says so itself when it names the container under {@code "InitContainer"}
     * (helm/charts#139). A container the pod's snapshot showed as an app container is not taken for one.
     */
    private static Optional<Finding> backOffOfAnInitContainer(EventSignal e, SubjectView subject) {
        Optional<ContainerBackOff> backOff = ContainerBackOff.parse(e.message());
        if (backOff.isEmpty()) {
            return Optional.empty();
        }
        Optional<PodState> pod = subject.pod(e.pod());
        Optional<String> container = backOff.get().container().or(e::container)
                .or(() -> pod.map(s -> s.startedContainer));
        // the kubelet says so itself: a pre-1.10 FailedSync naming the init container, or the event's field path
        boolean named = container.isPresent() && (e.failedInitContainer(container.get())
                || e.aboutInitContainer() && e.container().equals(container));
        boolean appContainer = !e.aboutInitContainer() && e.container().equals(container); // spec.containers{x}
        if (container.isEmpty() || appContainer || !named && !INIT_NAME.matcher(container.get()).matches()
                || pod.map(s -> container.get().equals(s.container)).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(Findings.of(e, Facts.of(Fact.CONTAINER, container.get())));
    }

    /**
     * The kubelet pulls and starts init containers on every retry: only the app container running is recovery; and a
     * Job's pod that completed, which ends the attempts that failed before it (a Job retries in new pods, restart
     * policy Never, and leaves the failed ones behind as {@code Init:Error}).
     */
    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        return PhaseRecovery.jobCompleted(signal, subject).or(() -> PhaseRecovery.running(signal));
    }
}
