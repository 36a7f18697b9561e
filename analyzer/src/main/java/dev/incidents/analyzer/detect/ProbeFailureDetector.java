package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.correlate.PodState;
import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.ProbeFailure;
import dev.incidents.schemas.Container;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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

    /** The kubelet's default failureThreshold: after this many failures in a row it restarts the container. */
    private static final int DEFAULT_FAILURE_THRESHOLD = 3;
    /** A 1.0/1.1 kubelet's kill of a container, by its docker id ({@code Killing with docker id e8f80cec8925}). */
    private static final Pattern OLD_KILL = Pattern.compile("Killing (?:with docker id )?[0-9a-f]{12,64}");
    /** Workload kinds whose pod template a strategic merge patch can change. */
    private static final Set<String> PATCHABLE = Set.of("Deployment", "StatefulSet", "DaemonSet");

    /**
     * An old kubelet's kill without a reason is a restart by the kubelet only when it happens again: once, it is as
     * likely the pod being deleted or its spec changed. Twice, only a failing liveness probe does that.
     */
    @Override
    public boolean sufficient(EvidenceSummary evidence) {
        return !(evidence.onlyClue(Clue.KILLED_WITHOUT_REASON) && evidence.totalCount() < 2);
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof PodObserved p) {
            Optional<Finding> inPlace = restartedInPlace(p, subject);
            return inPlace.isPresent() ? inPlace : crashLoopAfterProbeKills(p, subject);
        }
        if (!(signal instanceof EventSignal e)) {
            return Optional.empty();
        }
        Optional<PodState> pod = subject.pod(e.pod());
        if ("Killing".equals(e.reason())) {
            Optional<ProbeFailure> probe = ProbeFailure.parse(e.message());
            if (probe.isPresent() && probe.get().restart() && probe.get().probe() != ProbeFailure.Probe.READINESS) {
                return Optional.of(Findings.of(e, facts(probe.get().probe().word(), probe.get().container(), pod,
                        subject)));
            }
        }
        if ("Killing".equals(e.reason()) && OLD_KILL.matcher(e.message()).matches()) {
            // a kubelet before 1.2 recorded no probe result: it killed a running container and started another
            return Optional.of(Findings.of(e, facts("liveness", e.container(), pod, subject)
                    .withClue(Clue.KILLED_WITHOUT_REASON)));
        }
        if ("Unhealthy".equals(e.reason())) {
            // no Killing in the paste (or not recorded): failures in a row up to the threshold are a kill by definition
            // and a failure no later probe will answer otherwise (a 404, HTTPS against plain HTTP) reaches it for sure
            Optional<ProbeFailure> probe = ProbeFailure.parse(e.message());
            if (probe.isPresent() && probe.get().probe() != ProbeFailure.Probe.READINESS
                    && !probe.get().containerNotRunning()) {
                String word = probe.get().probe().word();
                if (probe.get().misdirected()) {
                    return Optional.of(Findings.of(e, facts(word, e.container(), pod, subject)
                            .withClue(Clue.PROBE_MISDIRECTED)));
                }
                if (Math.max(1, e.event().getCount()) >= threshold(word, pod)
                        || pod.map(ProbeFailureDetector::probeKillsExplainRestarts).orElse(false)) {
                    // failures that time out waiting for the answer: the server is up and too slow for the probe
                    // (or hung), not still loading, which refuses the connection or answers 503 at once
                    Facts facts = facts(word, e.container(), pod, subject);
                    return Optional.of(Findings.of(e, probe.get().timedOut() ? facts.withClue(Clue.PROBE_TIMEOUT)
                            : facts));
                }
                if (probe.get().probe() == ProbeFailure.Probe.STARTUP
                        && (timingOutPastStartUp(e, probe.get()) || failingPastAnyLoad(e))) {
                    return Optional.of(Findings.of(e, facts(word, e.container(), pod, subject)
                            .withClue(Clue.PROBE_TIMEOUT)));
                }
            }
        }
        if ("BackOff".equals(e.reason()) && e.message().contains("restarting failed container")
                && pod.map(ProbeFailureDetector::probeCouldHaveKilled).orElse(false)) {
            return Optional.of(Findings.of(e, facts(pod.get().failedProbe,
                    Optional.ofNullable(pod.get().failedProbeContainer), pod, subject)));
        }
        return Optional.empty();
    }

    /**
     * The snapshot that showed one more restart of a container running before and after it, once the pod has been
     * restarted so {@link PodState#RESTARTS_IN_PLACE} times ({@link Clue#RESTARTED_WHILE_RUNNING}): a watch of a pod
     * whose probe kills it, when the Unhealthy and Killing events are not in the input.
     */
    private static Optional<Finding> restartedInPlace(PodObserved p, SubjectView subject) {
        Optional<PodState> pod = subject.pod(p.pod());
        if (pod.isEmpty() || pod.get().restartsInPlace < PodState.RESTARTS_IN_PLACE
                || pod.get().restartedInPlaceAt != p.time().toEpochMilli()) {
            return Optional.empty();
        }
        Container restarted = p.snapshot().getContainers().stream()
                .max(java.util.Comparator.comparingInt(Container::getRestartCount)).orElseThrow();
        return Optional.of(Findings.of(p, restarted, "Restarted", "container " + restarted.getName()
                + " restarted while running, restart count " + restarted.getRestartCount() + ", "
                + pod.get().restartsInPlace + " restarts without exiting or waiting between",
                facts(pod.get().failedProbe, Optional.of(restarted.getName()), pod, subject)
                        .withClue(Clue.RESTARTED_WHILE_RUNNING)));
    }

    /**
     * A container waiting in {@code CrashLoopBackOff} on a pod whose liveness or startup probe was seen killing it:
     * each new restart is more of the same evidence, so the incident stays open while the loop lasts (without it, the
     * probe incident went quiet after 15 min while the pod kept crash-looping, and CRASH_LOOP opened in its place).
     */
    private static Optional<Finding> crashLoopAfterProbeKills(PodObserved p, SubjectView subject) {
        Optional<PodState> pod = subject.pod(p.pod());
        if (pod.isEmpty() || pod.get().failedProbe == null) {
            return Optional.empty();
        }
        for (Container c : p.snapshot().getContainers()) {
            boolean killed = pod.get().failedProbeContainer == null || pod.get().failedProbeContainer.equals(c.getName());
            if (killed && c.getState() != null && "CrashLoopBackOff".equals(c.getState().getReason())) {
                return Optional.of(Findings.of(p, c, "CrashLoopBackOff", "container " + c.getName()
                        + " waiting in CrashLoopBackOff after " + pod.get().failedProbe + " probe kills, restart count "
                        + c.getRestartCount(), facts(pod.get().failedProbe, Optional.of(c.getName()), pod, subject)));
            }
            if (killed && restartedLately(p, c) && probeKillsExplainRestarts(pod.get())) {
                return Optional.of(Findings.of(p, c, "Restarted", "container " + c.getName() + " running again after "
                        + pod.get().failedProbe + " probe failures, restart count " + c.getRestartCount(),
                        facts(pod.get().failedProbe, Optional.of(c.getName()), pod, subject)));
            }
        }
        return Optional.empty();
    }

    /**
     * A back-off of a pod whose liveness or startup probe failed is the probe's doing unless the container was seen
     * ending on its own while no probe could have killed it: a probe found it already stopped
     * ({@link PodState#probeRacedExit}), the kubelet recorded no kill for a probe, and no failure was reported as
     * often as the probe's failureThreshold (an exec probe failing once or twice into a process on its way out). Then
     * the loop is the container's own, and the failed probes are its exits showing.
     */
    private static boolean probeCouldHaveKilled(PodState pod) {
        return pod.failedProbe != null && (!pod.probeRacedExit || pod.probeKillSeen || probeKillsExplainRestarts(pod)
                || pod.probeFailuresSeen >= threshold(pod.failedProbe, Optional.of(pod)));
    }

    /** Exit codes of a container the kubelet stopped: 0 or 143 when it ended on SIGTERM, 137 when killed after it. */
    private static final Set<Integer> STOPPED_EXITS = Set.of(0, 137, 143);

    /**
     * A pod whose liveness or startup probe was seen failing, restarted as often as a loop is
     * ({@link CrashLoopDetector#RESTARTS_OF_A_LOOP}), its last end not one of its own (not OOMKilled, no exit code but a
     * stopped container's): the probe's kills explain the restarts, even where fewer failures than the probe's
     * threshold were pasted (a {@code kubectl events | tail}, events aggregated away).
     */
    static boolean probeKillsExplainRestarts(PodState pod) {
        return pod.failedProbe != null && pod.restartCount >= CrashLoopDetector.RESTARTS_OF_A_LOOP
                && !"OOMKilled".equals(pod.lastTerminationReason)
                && (pod.lastExitCode == null || STOPPED_EXITS.contains(pod.lastExitCode));
    }

    /** A container running after restarts, started within the kubelet's back-off reset (or its start not printed). */
    private static boolean restartedLately(PodObserved p, Container c) {
        if (c.getState() == null || !"running".equalsIgnoreCase(c.getState().getKind()) || c.getRestartCount() == 0) {
            return false;
        }
        java.time.Instant started = c.getState().getStartedAt();
        return started == null
                || java.time.Duration.between(started, p.time()).compareTo(CrashLoopDetector.BACK_OFF_RESET) <= 0;
    }

    /**
     * The failures that restart the container: the pod's own failureThreshold when its snapshot is known, else the
     * default for liveness; a startup probe's threshold is often raised far above 3 for model loads, so without the
     * snapshot a few startup failures prove nothing.
     */
    /**
     * A startup probe whose budget is not known (it is often large on purpose, for a model that loads for minutes)
     * that keeps timing out: a server still loading refuses the connection or answers 503 at once, so one that
     * accepts the probe and stays silent past its timeout, again and again over a minute and more, is up and too slow
     * for the probe or hung, which the rest of the budget will not change (as {@link ReadinessFailingDetector} reads
     * readiness timeouts).
     */
    private static boolean timingOutPastStartUp(EventSignal e, ProbeFailure probe) {
        return probe.timedOut() && e.event().getCount() >= ReadinessFailingDetector.TIMEOUTS_COUNT
                && java.time.Duration.between(e.firstTime(), e.time())
                        .compareTo(ReadinessFailingDetector.TIMEOUTS_SPAN) >= 0;
    }

    /**
     * A startup probe failing for longer than any model load a startup budget is sized for (a 70B model loads in
     * minutes, not hours), many times: the kubelet kills the container at its budget again and again, whatever the
     * budget (tandoor: {@code Startup probe failed: ... connection refused (x3006 over 5h18m)}).
     */
    static final java.time.Duration STARTUP_FAILING_SPAN = java.time.Duration.ofHours(1);
    static final int STARTUP_FAILING_COUNT = 60;

    private static boolean failingPastAnyLoad(EventSignal e) {
        return e.event().getCount() >= STARTUP_FAILING_COUNT
                && java.time.Duration.between(e.firstTime(), e.time()).compareTo(STARTUP_FAILING_SPAN) >= 0;
    }

    private static int threshold(String probe, Optional<PodState> pod) {
        Optional<PodState.ProbeSeen> seen = pod.map(p -> p.probes.get(probe));
        if (seen.isPresent()) {
            return Math.max(1, seen.get().failureThreshold);
        }
        return "liveness".equals(probe) ? DEFAULT_FAILURE_THRESHOLD : Integer.MAX_VALUE;
    }

    private static Facts facts(String probe, Optional<String> container, Optional<PodState> pod, SubjectView subject) {
        Facts facts = Facts.of(Fact.PROBE, probe).with(Fact.CONTAINER, container);
        Optional<PodState.ProbeSeen> seen = pod.map(p -> p.probes.get(probe));
        if (seen.isEmpty()) {
            return facts;
        }
        facts = facts.with(Fact.CONTAINER, container.orElse(seen.get().container))
                .with(Fact.PROBE_BUDGET, seen.get().budget)
                .with(Fact.STARTUP_PROBE, seen.get().startupProbe);
        if (PATCHABLE.contains(subject.subject().kind()) && seen.get().startupProbePatch != null
                && container.map(seen.get().container::equals).orElse(true)) {
            facts = facts.with(Fact.STARTUP_PROBE_PATCH, seen.get().startupProbePatch);
        }
        return facts;
    }
}
