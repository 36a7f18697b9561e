package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.ContainerBackOff;
import dev.incidents.analyzer.messages.TerminationMessage;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A container restarting over and over ({@code BackOff} "Back-off restarting failed container", worded without the
 * container name before Kubernetes 1.26, or a snapshot waiting in {@code CrashLoopBackOff}) that OOM kills or probe
 * kills do not explain: it yields to those, which say why, to an init container failing (the pod never gets to
 * its app containers) and to the runtime failing to start the container at all.
 */
public final class CrashLoopDetector implements Detector {

    /** Restarts after which a container that ended again is in a loop (the back-off has reached tens of seconds). */
    static final int RESTARTS_OF_A_LOOP = 3;

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
        if (signal instanceof EventSignal e && e.pod().isPresent() && "FailedPostStartHook".equals(e.reason())) {
            // the kubelet kills a container whose postStart hook fails, and restarts it: a loop with its cause
            return Optional.of(Findings.of(e, Facts.empty().with(Fact.CONTAINER, e.container())
                    .withClue(Clue.POST_START_HOOK_FAILED)));
        }
        if (signal instanceof EventSignal e && "BackoffLimitExceeded".equals(e.reason())) {
            // the Job controller gave up after its pods failed backoffLimit times: each failed pod is one more turn of
            // the loop a restart policy of Never makes of new pods instead of restarts
            return Optional.of(Findings.of(e, Facts.empty()));
        }
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
                long failedInTurn = jobPodsFailedInTurn(p, c, subject);
                if (failedInTurn >= RESTARTS_OF_A_LOOP) {
                    Integer exit = c.getState().getExitCode();
                    return Optional.of(Findings.of(p, c, "Error", "container " + c.getName() + " failed"
                            + (exit == null ? "" : " (exit code " + exit + ")") + " in one of "
                            + failedInTurn + " pods of the Job that failed in turn, none completed",
                            Facts.empty().with(Fact.EXIT_CODE, Optional.ofNullable(exit).map(String::valueOf))
                                    .withClue(TerminationMessage.clue(c.getState().getMessage()))));
                }
                if (c.getState() != null && "CrashLoopBackOff".equals(c.getState().getReason())) {
                    Facts facts = Facts.empty().with(Fact.EXIT_CODE, Optional.ofNullable(c.getLastState())
                            .map(s -> s.getExitCode()).map(String::valueOf));
                    facts = facts.withClue(Optional.ofNullable(c.getLastState()).map(ContainerState::getMessage)
                            .flatMap(TerminationMessage::clue));
                    return Optional.of(Findings.of(p, c, "CrashLoopBackOff", "container " + c.getName()
                            + " waiting in CrashLoopBackOff, restart count " + c.getRestartCount(), facts));
                }
                if (restartingWhileYoung(p, c)) {
                    // caught running between two restarts, and only a listing says so ("Running   3   111s")
                    return Optional.of(Findings.of(p, c, "Restarting", "container " + c.getName() + " restarted "
                            + c.getRestartCount() + " times in the pod's first " + age(p).toSeconds() + "s",
                            Facts.empty()));
                }
                if (restartingUnready(p, c)) {
                    // each run ends after a while (a model server out of memory while it loads), never ready between
                    return Optional.of(Findings.of(p, c, "Restarting", "container " + c.getName() + " restarted "
                            + c.getRestartCount() + " times in " + age(p).toMinutes() + " min, not ready",
                            Facts.empty()));
                }
                if (endedAgain(p, c)) {
                    // caught between two restarts (kubectl's STATUS shows the end reason: "Error   5 (1m ago)")
                    Integer exit = c.getState().getExitCode();
                    String reason = c.getState().getReason() == null ? "terminated" : c.getState().getReason();
                    Facts facts = Facts.empty().with(Fact.EXIT_CODE, Optional.ofNullable(exit).map(String::valueOf))
                            .withClue(TerminationMessage.clue(c.getState().getMessage()));
                    return Optional.of(Findings.of(p, c, reason, "container " + c.getName() + " " + reason
                            + (exit == null ? "" : " (exit code " + exit + ")") + " again, restart count "
                            + c.getRestartCount(), facts));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A pod of the Job that completed ends the loop its failed pods made (restart policy Never) or its container made
     * (OnFailure): the Job is done, whatever failed before it. Otherwise the runtime phase's recovery: the pod gone.
     */
    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        return PhaseRecovery.jobCompleted(signal, subject).or(() -> PhaseRecovery.of(category().phase(), signal));
    }

    /**
     * A Job's pods with restart policy Never are not restarted: the Job controller replaces each pod that failed with a
     * new one, after a back-off of its own (10 s, doubling), until {@code backoffLimit}. {@link #RESTARTS_OF_A_LOOP}
     * pods of one Job that ended in error, none restarted and none completed, are the same loop as three restarts of
     * one container. A runtime's other end reasons say more than a loop and are their own detectors'. The count of
     * such pods when {@code c} ended so in a Job none of whose pods completed, else 0.
     */
    private static long jobPodsFailedInTurn(PodObserved p, Container c, SubjectView subject) {
        ContainerState state = c.getState();
        boolean endedSo = "Job".equals(subject.subject().kind()) && state != null
                && "terminated".equalsIgnoreCase(state.getKind()) && c.getRestartCount() == 0
                && endedInError(state.getReason(), state.getExitCode()) && !subject.jobCompleted();
        return endedSo ? failedPods(subject, p) : 0;
    }

    /** The subject's pods that ended in error without a restart, {@code p}'s own included. */
    private static long failedPods(SubjectView subject, PodObserved p) {
        long others = subject.pods().entrySet().stream()
                .filter(en -> !en.getKey().equals(p.snapshot().getName()))
                .filter(en -> en.getValue().restartCount == 0
                        && endedInError(en.getValue().lastTerminationReason, en.getValue().lastExitCode))
                .count();
        return others + 1;
    }

    private static boolean endedInError(String reason, Integer exitCode) {
        return "Error".equals(reason) || reason == null && exitCode != null && exitCode != 0;
    }

    /**
     * The kubelet waits 10 s before restarting a failed container, doubling up to five minutes: a container that
     * fails as soon as it starts has been restarted {@link #loopRestarts} times by the pod's age. One restarted at
     * least that often (and {@link #RESTARTS_OF_A_LOOP} times) is looping even when caught running; one restarted less
     * often has run for a while since (the GPU operator's operands restart a few times while the driver installs, then
     * run), and one whose last start is more than five minutes ago has run since.
     */
    private static boolean restartingWhileYoung(PodObserved p, Container c) {
        if (!runningAfterRestarts(p, c, RESTARTS_OF_A_LOOP)) {
            return false;
        }
        ContainerState state = c.getState();
        boolean startedRecently = state.getStartedAt() == null
                || Duration.between(state.getStartedAt(), p.time()).compareTo(BACK_OFF_CAP) <= 0;
        if (c.getReady() && c.getRestartCount() > loopRestarts(age(p).plus(AGE_ROUNDING)) + 1) {
            // more restarts than any back-off allows in the pod's life, and ready: the pod object is younger than
            // its containers (a static pod's mirror, made again when its API server came back: a kubeadm control
            // plane's etcd-node1, 8 restarts at 66s), or the kubelet restarted and forgot its back-offs
            return false;
        }
        return startedRecently && c.getRestartCount() >= loopRestarts(age(p));
    }

    /** kubectl prints an age in whole units (seconds below 2 minutes, then minutes): what the unit may hide. */
    private static final Duration AGE_ROUNDING = Duration.ofMinutes(1);

    /**
     * A running container that is not ready and was restarted {@link #RESTARTS_OF_A_SLOW_LOOP} times, on average at
     * least every {@link #SLOW_LOOP_PERIOD} of the pod's life, the last time within {@link #BACK_OFF_RESET}: it fails
     * after a while each time rather than at once (a model loading until it runs out of memory, 12 restarts in
     * 151 min), so the back-off count above says nothing, and it has not been ready since. A ready one, or one whose
     * restarts are rare over a long life (node reboots), is not looping.
     */
    private static boolean restartingUnready(PodObserved p, Container c) {
        if (c.getReady() || !runningAfterRestarts(p, c, RESTARTS_OF_A_SLOW_LOOP)) {
            return false;
        }
        ContainerState state = c.getState();
        Instant lastStart = state.getStartedAt() != null ? state.getStartedAt()
                : c.getLastState() == null ? null : c.getLastState().getFinishedAt();
        return lastStart != null && Duration.between(lastStart, p.time()).compareTo(BACK_OFF_RESET) <= 0
                && age(p).dividedBy(c.getRestartCount()).compareTo(SLOW_LOOP_PERIOD) <= 0;
    }

    /** A container of a live pod of known age caught running after at least {@code restarts} restarts. */
    private static boolean runningAfterRestarts(PodObserved p, Container c, int restarts) {
        ContainerState state = c.getState();
        return state != null && "running".equalsIgnoreCase(state.getKind()) && c.getRestartCount() >= restarts
                && p.snapshot().getCreationTimestamp() != null && p.snapshot().getDeletionTimestamp() == null;
    }

    static final int RESTARTS_OF_A_SLOW_LOOP = 5;
    private static final Duration SLOW_LOOP_PERIOD = Duration.ofMinutes(15);
    /** The kubelet resets a container's back-off once it has run this long: a restart within it is still the loop's. */
    static final Duration BACK_OFF_RESET = Duration.ofMinutes(10);

    private static final Duration BACK_OFF_CAP = Duration.ofMinutes(5);
    /** When the first restarts happen, in seconds: back-offs of 10, 20, 40, 80 and 160 s; every 300 s after. */
    private static final long[] FIRST_RESTARTS = {10, 30, 70, 150, 310};

    /** The restarts of a container that fails at once, by {@code age}. */
    static long loopRestarts(Duration age) {
        long seconds = age.toSeconds();
        for (int k = 0; k < FIRST_RESTARTS.length; k++) {
            if (FIRST_RESTARTS[k] > seconds) {
                return k;
            }
        }
        return FIRST_RESTARTS.length + (seconds - FIRST_RESTARTS[FIRST_RESTARTS.length - 1]) / BACK_OFF_CAP.toSeconds();
    }

    private static Duration age(PodObserved p) {
        return Duration.between(p.snapshot().getCreationTimestamp(), p.time());
    }

    /**
     * A container of a live pod that has ended again after {@link #RESTARTS_OF_A_LOOP} restarts: the kubelet restarts
     * it after a back-off, so a snapshot between two restarts shows it terminated rather than waiting in
     * CrashLoopBackOff. A pod being deleted ends its containers for good, whatever they did before; a pod that
     * succeeded (a Job's retries that finally worked) is done.
     */
    private static boolean endedAgain(PodObserved p, Container c) {
        return c.getState() != null && "terminated".equals(c.getState().getKind())
                && c.getRestartCount() >= RESTARTS_OF_A_LOOP && p.snapshot().getDeletionTimestamp() == null
                && !"Succeeded".equals(p.snapshot().getPhase());
    }
}
