package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.correlate.PodState;
import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.ProbeFailure;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.PodSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A readiness probe failing persistently: Running but never Ready. One or two failures while a model loads are
 * normal (healthy-readiness-during-startup), so it takes several failures over minutes, and Ready ends it.
 */
public final class ReadinessFailingDetector implements Detector {

    /** Not Ready this long after its containers started, with no restart, is past any ordinary start-up. */
    static final Duration SNAPSHOT_NOT_READY = Duration.ofMinutes(10);

    @Override
    public Category category() {
        return Category.READINESS_FAILING;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && e.pod().isPresent() && "Unhealthy".equals(e.reason())) {
            Optional<ProbeFailure> probe = ProbeFailure.parse(e.message());
            if (probe.isPresent() && probe.get().probe() == ProbeFailure.Probe.READINESS
                    && !probe.get().containerNotRunning() && !restartedByItsProbe(e.pod(), subject)) {
                Facts facts = Facts.of(Fact.PROBE, "readiness");
                facts = probe.get().timedOut() ? facts.withClue(Clue.PROBE_TIMEOUT) : facts;
                return Optional.of(Findings.of(e, probe.get().misdirected() ? facts.withClue(Clue.PROBE_MISDIRECTED)
                        : facts));
            }
        }
        if (signal instanceof PodObserved p) {
            return notReadySince(p, subject);
        }
        if (signal instanceof EventSignal e && "ProgressDeadlineExceeded".equals(e.reason())) {
            return stalledRollout(e, subject);
        }
        return Optional.empty();
    }

    /** The progress deadline of a Deployment that does not set {@code spec.progressDeadlineSeconds}. */
    static final Duration PROGRESS_DEADLINE = Duration.ofSeconds(600);

    /**
     * A Deployment past its progress deadline ({@code ProgressDeadlineExceeded}: no new pod became available for
     * {@link #PROGRESS_DEADLINE}) with a pod last seen with every app container running, none restarted, never Ready
     * since, and no liveness or startup probe failing: the new pod runs and never passes its readiness probe (a crash,
     * a pull failure or a pending pod are other categories' evidence, and leave no such pod). The deadline is the span
     * it has not been Ready for.
     */
    private static Optional<Finding> stalledRollout(EventSignal e, SubjectView subject) {
        for (Map.Entry<String, PodState> pod : subject.pods().entrySet()) {
            PodState state = pod.getValue();
            if (state.runningRestarts == 0 && state.readyRestarts < 0 && state.failedProbe == null) {
                Finding f = Findings.of(e, Facts.of(Fact.PROBE, "readiness").with(Fact.POD, pod.getKey())
                        .with(Fact.RESTART_COUNT, "0"));
                return Optional.of(new Finding(f.object(), Optional.of(pod.getKey()), f.node(), f.facts(),
                        f.evidenceKey(), f.count(), e.time().minus(PROGRESS_DEADLINE), f.time(), f.kind(), f.name(),
                        f.reason(), "pod " + pod.getKey() + " Running, never Ready, no restart; " + f.message(),
                        f.nodeLevel(), f.workload()));
            }
        }
        return Optional.empty();
    }

    /**
     * The snapshot's own account when the Unhealthy events are gone (or were not pasted): Running, every container
     * running, and not Ready for longer than a start-up takes: since the last start of an unready container (a
     * restarted one's current run when its start is printed: it has run that long unready, whatever ended the runs
     * before), else since the Ready condition turned False ({@code ContainersNotReady}: a sidecar that never
     * becomes ready beside ready ones, a conditions YAML pasted alone). The evidence spans from then to the snapshot.
     */
    private static Optional<Finding> notReadySince(PodObserved p, SubjectView subject) {
        PodSnapshot pod = p.snapshot();
        if (!"Running".equals(pod.getPhase()) || !p.allContainersRunning() || p.isReady() || p.readinessUnknown()
                || pod.getDeletionTimestamp() != null) {
            return Optional.empty(); // a pod being deleted is taken out of its endpoints on purpose
        }
        long lostAt = subject.pod(Optional.of(pod.getName())).map(s -> s.readinessLostAt).orElse(0L);
        if (lostAt > 0 && !restartedByItsProbe(Optional.of(pod.getName()), subject)) {
            return Optional.of(readinessLost(p, Instant.ofEpochMilli(lostAt)));
        }
        Instant started = null;
        boolean startsKnown = true;
        boolean restarted = false;
        Container first = null;
        for (Container c : pod.getContainers()) {
            if (c.getReady()) {
                continue; // a sidecar unready beside ready containers is as unready as a pod's only container
            }
            if (c.getRestartCount() > 0 && (c.getState().getStartedAt() == null
                    || restartedByItsProbe(Optional.of(pod.getName()), subject))) {
                return Optional.empty(); // its current run's start not known, or its own probe restarts it
            }
            restarted |= c.getRestartCount() > 0;
            Instant start = startOf(pod, c);
            if (start == null) {
                startsKnown = false;
            } else if (started == null || start.isAfter(started)) {
                started = start;
            }
            first = first == null ? c : first;
        }
        if (!startsKnown) {
            started = notReadyCondition(pod);
        }
        if (first == null) {
            return Optional.empty();
        }
        Duration notReady = started == null ? null : Duration.between(started, p.time());
        if (notReady == null || notReady.compareTo(SNAPSHOT_NOT_READY) < 0) {
            // a run that began minutes ago after a restart is a crash loop's as likely as a readiness failure's
            return restarted ? Optional.empty() : stillFailing(p, subject);
        }
        Finding f = Findings.of(p, first, "NotReady", "pod " + pod.getName() + " Running but not Ready for "
                + notReady.toMinutes() + " min", Facts.of(Fact.PROBE, "readiness"));
        return Optional.of(f.since(started));
    }

    /**
     * A pod seen Ready before, now not Ready with every container running and none restarted since
     * ({@link dev.incidents.analyzer.correlate.PodState#readinessLostAt}): no start-up explains it, so the snapshot is
     * evidence by itself, as one not Ready past {@link #SNAPSHOT_NOT_READY} is; the category's grace still lets a
     * blip (Ready again within it) pass. The evidence spans from the first snapshot that showed it unready. Not for a
     * pod whose liveness or startup probe was seen failing: its restarts explain it ({@link #restartedByItsProbe}).
     */
    private static Finding readinessLost(PodObserved p, Instant since) {
        Container first = p.snapshot().getContainers().stream().filter(c -> !c.getReady()).findFirst()
                .orElse(p.snapshot().getContainers().get(0));
        Finding f = Findings.of(p, first, "NotReady", "pod " + p.snapshot().getName()
                + " Ready before, not Ready since " + since + ", its containers running, no restart",
                Facts.of(Fact.PROBE, "readiness"));
        return f.since(since);
    }

    /**
     * A snapshot, not Ready yet, of a pod whose readiness probe has failed since it was last Ready: the failure goes on
     * to this moment. Its events may have stopped long before: the kubelet's event recorder lets 25 through per object
     * and source, then one in five minutes (client-go's spam filter), so {@code 2m57s (x25 over 4m47s)} beside a pod
     * still not Ready is a failure of 4m47s, not of the 1m50s between its first and last event. It adds the snapshot's
     * moment to the evidence, which the usual rule then judges (several failures over minutes).
     */
    private static Optional<Finding> stillFailing(PodObserved p, SubjectView subject) {
        long since = subject.pod(Optional.of(p.snapshot().getName())).map(s -> s.readinessFailingSince).orElse(0L);
        if (since == 0 || since >= p.time().toEpochMilli()) {
            return Optional.empty();
        }
        return Optional.of(Findings.of(p, "NotReady", "pod " + p.snapshot().getName()
                + " still not Ready, its readiness probe failing since " + Instant.ofEpochMilli(since),
                Facts.of(Fact.PROBE, "readiness")));
    }

    /**
     * When a container started: its state's {@code startedAt}; for one never restarted whose start is not printed (a
     * {@code get pods} row: {@code 0/1   Running   0   20d}), the pod's creation, which its only start followed; null
     * when neither is known.
     */
    private static Instant startOf(PodSnapshot pod, Container c) {
        if (c.getState().getStartedAt() != null) {
            return c.getState().getStartedAt();
        }
        return c.getRestartCount() == 0 ? pod.getCreationTimestamp() : null;
    }

    /** When the pod's Ready condition turned False because of its containers, null when it does not say. */
    private static Instant notReadyCondition(PodSnapshot pod) {
        for (dev.incidents.schemas.Condition c : pod.getConditions()) {
            if ("Ready".equals(c.getType()) && "False".equals(c.getStatus())
                    && "ContainersNotReady".equals(c.getReason())) {
                return c.getLastTransitionTime();
            }
        }
        return null;
    }

    /**
     * Failures that time out waiting for the answer, this many over this long, are past any start-up: a server still
     * loading refuses or answers 503 at once; one that accepts and stays silent is up and too slow, or hung
     * ({@link ProbeFailureDetector} reads a startup probe's timeouts so).
     */
    static final Duration TIMEOUTS_SPAN = Duration.ofMinutes(1);
    static final int TIMEOUTS_COUNT = 5;

    /**
     * Three failures over two minutes or more from events; a snapshot finding (the only kind carrying a container's
     * restart count) is sufficient by itself: {@link #notReadySince} reports it only beyond {@link #SNAPSHOT_NOT_READY},
     * {@link #readinessLost} only after the pod was Ready. A failure the server answered in a way no later probe will
     * change ({@link ProbeFailure#misdirected}: a 404, HTTPS against plain HTTP) needs one. Timeouts
     * ({@link ProbeFailure#timedOut}) need less than other failures: a server still loading refuses the connection or
     * answers 503 at once (a vLLM server refuses for minutes while it loads its weights), so one that accepts the probe
     * and stays silent past its timeout, again and again for a minute, is up and too slow for it (or hung).
     */
    @Override
    public boolean sufficient(EvidenceSummary evidence) {
        if (evidence.facts().containsKey(Fact.RESTART_COUNT.name())) {
            return true;
        }
        if (evidence.has(Clue.PROBE_MISDIRECTED)) {
            return true; // the server answers, and will answer the same way to every later probe
        }
        if (evidence.has(Clue.PROBE_TIMEOUT)) {
            return evidence.totalCount() >= TIMEOUTS_COUNT && evidence.span().compareTo(TIMEOUTS_SPAN) >= 0;
        }
        return evidence.totalCount() >= 3 && evidence.span().compareTo(Duration.ofMinutes(2)) >= 0;
    }

    /**
     * A pod whose liveness or startup probe was seen failing ({@code failedProbe}): the kubelet restarts it, and it is
     * unready between restarts; its readiness failures are PROBE_FAILURE's evidence (akhq#930: both probes on a port
     * nothing listens on), not a second incident.
     */
    private static boolean restartedByItsProbe(Optional<String> pod, SubjectView subject) {
        return subject.pod(pod).map(p -> p.failedProbe != null).orElse(false);
    }

    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        if (signal instanceof PodObserved p && p.isReady()) {
            return Optional.of(Recovery.of(p.snapshot().getName(), "recovered: pod " + p.snapshot().getName() + " Ready"));
        }
        if (signal instanceof EventSignal e && e.pod().isPresent()
                && ("Killing".equals(e.reason()) || "Unhealthy".equals(e.reason()))) {
            Optional<ProbeFailure> probe = ProbeFailure.parse(e.message());
            if (probe.isPresent() && probe.get().probe() != ProbeFailure.Probe.READINESS
                    && !probe.get().containerNotRunning()) {
                // the same pod's liveness or startup probe failing, readiness failures seen first: the restarts
                // explain them (the order of a paste's rows is the order of their last times)
                return Optional.of(Recovery.of(e.pod().get(), "superseded: the " + probe.get().probe().word()
                        + " probe of pod " + e.pod().get() + " fails, and the kubelet restarts it"));
            }
        }
        return PhaseRecovery.of(category().phase(), signal);
    }
}
