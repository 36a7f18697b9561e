package dev.incidents.analyzer.correlate;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.Subject;
import dev.incidents.analyzer.detect.Detector;
import dev.incidents.analyzer.detect.Detectors;
import dev.incidents.analyzer.detect.Finding;
import dev.incidents.analyzer.detect.GpuCapacityLostDetector;
import dev.incidents.analyzer.detect.Recovery;
import dev.incidents.analyzer.detect.SubjectView;
import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.HintCatalog;
import dev.incidents.analyzer.signal.NodeDeleted;
import dev.incidents.analyzer.signal.NodeObserved;
import dev.incidents.analyzer.signal.PodDeleted;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The incident lifecycle of DESIGN section 4, once for every category:
 * <ul>
 *   <li>evidence gathers in a {@link Candidate}; it becomes OPEN when its detector's evidence is sufficient and it
 *       has lasted the category's grace, and no better-explaining category is present ({@link Detector#yieldsTo(java.util.Map)});
 *       a candidate whose failing objects all recover before that opens nothing (a transient);</li>
 *   <li>UPDATED only on a material change (pods, nodes, affected workloads, severity, the top cause), at most once
 *       per update interval of event time; a change inside the interval is flushed when the interval has passed;</li>
 *   <li>RESOLVED when every failing object recovered, shown by a signal no older than the incident's latest evidence
 *       (the resolution says which), after the quiet period without new failure evidence, or when a later-phase
 *       incident of the same workload opens (superseded; the new one {@code follows} it);</li>
 *   <li>a candidate only guesses support ({@link Clue#guess()}: an unexplained pull failure read as a missing image)
 *       waits at least the default grace, gives way to any candidate of its phase the evidence proves, and, open, is
 *       superseded when such a one opens; a guess never holds back what evidence proved;</li>
 *   <li>an id that opens again after RESOLVED gets {@code occurrence + 1}.</li>
 * </ul>
 * Time is the event time handed in ({@code now}); nothing here reads a clock.
 */
public final class IncidentLifecycle {

    private final AnalyzerConfig config;
    private final Detectors detectors;
    private final IncidentBuilder builder;
    /**
     * The periods read for every signal and deadline, in millis, read from the configuration once: each read there is
     * a map look-up and a lambda, several per signal.
     */
    private final long quietPeriod;
    private final long updateInterval;
    private final long subjectRetention;
    private final long scaleUpGrace;

    public IncidentLifecycle(AnalyzerConfig config, Detectors detectors, HintCatalog catalog) {
        this.config = config;
        this.quietPeriod = config.quietPeriod().toMillis();
        this.updateInterval = config.updateInterval().toMillis();
        this.subjectRetention = config.subjectRetention().toMillis();
        this.scaleUpGrace = config.scaleUpGrace().toMillis();
        this.detectors = detectors;
        this.builder = new IncidentBuilder(catalog);
    }

    /** Applies one signal: pod state first, then recoveries, then new evidence. */
    public void observe(Subject subject, SubjectState state, Signal signal, SubjectView view) {
        state.lastTouched = Math.max(state.lastTouched, signal.time().toEpochMilli());
        if (!subject.isNode() || signal instanceof PodObserved || signal instanceof PodDeleted) {
            // node subjects get the snapshots of the accelerator pods scheduled on them (GPU_CAPACITY_LOST)
            PodStates.observe(state, signal);
            GroupStates.observe(state, signal);
        }
        for (Detector d : detectors.forSubject(subject.isNode())) {
            Candidate c = state.candidates.get(d.category().name());
            // A recovery older than the failure evidence (redelivered, or later than the lateness bound) happened
            // before that failure and says nothing about it; taken in event-time order it never is older. One of the
            // same moment ends what it names (a pod scheduled in the second of its FailedScheduling), but not the
            // whole incident: a listing's sibling pods Running beside the one the kubelet refused are the state the
            // failure happened in, not its end.
            long time = signal.time().toEpochMilli();
            if (c != null && time >= c.lastSeen) {
                d.recovery(signal, view).filter(r -> r.object().isPresent() || r.settled() || time > c.lastSeen)
                        .ifPresent(r -> recover(c, r));
            }
            // By index: nearly every detector finds nothing in nearly every signal, and an iterator over its empty
            // list per detector per signal was a fortieth of what a fleet replay allocates.
            List<Finding> findings = d.findings(signal, view);
            for (int i = 0; i < findings.size(); i++) {
                apply(state, d.category(), findings.get(i), leaving(signal));
            }
        }
        if (signal instanceof NodeObserved n) {
            GpuCapacityLostDetector.remember(n.snapshot(), state.acceleratorsAdvertised, state.acceleratorsExpected);
        } else if (signal instanceof NodeDeleted) {
            state.acceleratorsAdvertised.clear();
            state.acceleratorsExpected.clear();
        }
    }

    /**
     * A pod's recovery ({@code pod}) ends its failures and those of each of its containers ({@code pod/container}); a
     * container's recovery ends that container's failures, and the pod's when they named no container.
     */
    private static boolean removeRecovered(TreeSet<String> failing, String object) {
        int slash = object.indexOf('/');
        if (slash >= 0) {
            boolean container = failing.remove(object);
            return failing.remove(object.substring(0, slash)) | container;
        }
        boolean removed = failing.remove(object);
        return failing.subSet(object + "/", object + "/\uffff").removeIf(x -> true) | removed;
    }

    private static void recover(Candidate c, Recovery r) {
        boolean removed = r.object().isPresent() ? removeRecovered(c.failing, r.object().get()) : !c.failing.isEmpty();
        if (r.object().isEmpty()) {
            c.failing.clear();
            c.failingDropped = 0; // everything recovered, the dropped ones too
        }
        if (removed) {
            c.recovery = r.resolution();
        }
    }

    /**
     * A snapshot of a pod being deleted ({@code deletionTimestamp} set): the API server's last word on a pod that is
     * going away, its status as it last was. A crash-looping pod deleted by a scale-down or a rollout an hour after its
     * incident went quiet restates its CrashLoopBackOff; that opens nothing new (nor reopens what went quiet), and adds
     * to a candidate still pending or open as any snapshot does.
     */
    private static boolean leaving(Signal signal) {
        return signal instanceof PodObserved p && p.snapshot().getDeletionTimestamp() != null;
    }

    private void apply(SubjectState state, Category category, Finding f, boolean leaving) {
        Candidate c = state.candidates.get(category.name());
        long time = f.time().toEpochMilli();
        if (c == null) {
            if (leaving || resolvedAfter(state, category, time)) {
                return; // late evidence of a problem already resolved, or a pod going away: it does not reopen it
            }
            c = new Candidate(category.name());
            c.firstSeen = f.firstTime().toEpochMilli();
            c.lastSeen = time;
            c.guessOnly = true;
            state.candidates.put(category.name(), c);
        }
        if (c.guessOnly) {
            c.guessOnly = f.facts().clues().stream().anyMatch(Clue::guess); // once proved, no clue is looked at again
        }
        EvidenceLine same = null;
        for (EvidenceLine line : c.evidence) {
            if (line.key.equals(f.evidenceKey())) {
                same = line;
                break;
            }
        }
        if (same != null) {
            if (f.count() <= same.count) {
                return; // the same evidence again: a repeated snapshot, a replayed event
            }
            // A count bump of the same event: one continuing signal, not a new one.
            same.count = f.count();
            same.time = Math.max(same.time, time);
            same.message = f.message();
        } else {
            c.evidence.add(new EvidenceLine(f.evidenceKey(), time, f.kind(), f.name(), f.reason(), f.message(),
                    f.count()));
            c.signalCount++;
            if (c.evidence.size() > config.maxEvidence()) {
                c.evidence.sort((a, b) -> Long.compare(a.time, b.time));
                c.evidence.remove(0);
            }
        }
        c.firstSeen = Math.min(c.firstSeen, f.firstTime().toEpochMilli());
        c.lastSeen = Math.max(c.lastSeen, time);
        c.failing.add(f.object());
        int before = c.pods.size() + c.nodes.size() + c.workloads.size() + c.facts.hashCode() + c.clues.hashCode();
        f.pod().ifPresent(c.pods::add);
        String node = f.node().orElseGet(() -> f.pod().map(state.pods::get).map(p -> p.node).orElse(null));
        if (node != null) {
            c.nodes.add(node);
        }
        f.workload().ifPresent(c.workloads::add);
        c.nodeLevel |= f.nodeLevel();
        for (Map.Entry<Fact, String> e : f.facts().asMap().entrySet()) {
            c.facts.put(e.getKey().name(), e.getValue());
        }
        for (dev.incidents.analyzer.hints.Clue clue : f.facts().clues()) {
            c.clues.add(clue.name());
        }
        if (node != null && !c.facts.containsKey(Fact.NODE.name())) {
            c.facts.put(Fact.NODE.name(), node);
        }
        c.changed |= before != c.pods.size() + c.nodes.size() + c.workloads.size() + c.facts.hashCode()
                + c.clues.hashCode();
        trim(c.pods);
        trim(c.nodes);
        trim(c.workloads);
        c.failingDropped += trim(c.failing);
    }

    /** Whether this subject's incident of {@code category} was resolved at or after {@code time}. */
    private static boolean resolvedAfter(SubjectState state, Category category, long time) {
        String suffix = "/" + category.name();
        for (Map.Entry<String, Long> e : state.recentlyResolved.entrySet()) {
            if (e.getKey().endsWith(suffix) && e.getValue() > time) {
                return true;
            }
        }
        return false;
    }

    private static int trim(TreeSet<String> set) {
        int dropped = 0;
        while (set.size() > 4 * IncidentBuilder.MAX_LISTED) {
            set.pollLast();
            dropped++;
        }
        return dropped;
    }

    /** Every failing object recovered, as far as anyone can tell (none was dropped unseen). */
    private static boolean recovered(Candidate c) {
        return c.failing.isEmpty() && c.failingDropped == 0;
    }

    /** Categories a node being provisioned can end: they wait for a triggered scale-up ({@link PodState#scaleUpAt}). */
    private static final Set<Category> PROVISIONING_ENDS = EnumSet.of(Category.INSUFFICIENT_GPU,
            Category.INSUFFICIENT_RESOURCES, Category.GPU_FRAGMENTED);

    /**
     * Placement categories a triggered scale-up ends too: cluster-autoscaler triggers one for a pod only when its
     * simulation found a node group whose template passes the pod's node selector, affinity and tolerations, so the
     * node on its way is one the pod may go to (a JupyterHub user node pool scaled up from zero).
     */
    private static final Set<Category> PLACEMENT_PROVISIONED = EnumSet.of(Category.NODE_SELECTOR_MISMATCH,
            Category.UNTOLERATED_TAINT);

    /**
     * When a candidate's grace ends: its category's grace from its first evidence, or for a capacity or placement
     * category whose pod had a scale-up triggered, the scale-up grace from that trigger if later. Without it, every
     * GPU scale-up (a node that boots, installs its driver and registers its devices in 5-10 minutes) opened an
     * incident and resolved it, a chat thread for a cluster doing what it should.
     */
    private long graceEnd(Category category, Candidate c, SubjectState state) {
        long end = c.firstSeen + (c.guessOnly ? config.guessGrace(category) : config.grace(category)).toMillis();
        if (PROVISIONING_ENDS.contains(category) && onlyAtMaxSize(c)) {
            // cluster-autoscaler says "max node group size reached" while a node of the group is still being deleted
            // (a reclaimed spot VM, a scale-down) and scales up once it is gone; a group that stays at its maximum
            // keeps saying so, and opens after the scale-up grace instead of the scheduling grace
            end = Math.max(end, c.firstSeen + scaleUpGrace);
        }
        if (PROVISIONING_ENDS.contains(category) || PLACEMENT_PROVISIONED.contains(category)) {
            for (String pod : c.pods) {
                PodState p = state.pods.get(pod);
                if (p != null && p.scaleUpAt > 0) {
                    end = Math.max(end, p.scaleUpAt + scaleUpGrace);
                }
            }
        }
        return end;
    }

    /** The autoscaler's only verdicts on the pods are a node group at its maximum size: no refusal that lasts. */
    private static boolean onlyAtMaxSize(Candidate c) {
        return c.clues.contains(Clue.NODE_GROUP_AT_MAX_SIZE.name()) && AUTOSCALER_REFUSALS.stream()
                .noneMatch(refusal -> c.clues.contains(refusal.name()));
    }

    /** The autoscaler's verdicts that no waiting ends: the cloud refused, a scale-up failed, no group fits the pod. */
    private static final Set<Clue> AUTOSCALER_REFUSALS = EnumSet.of(Clue.CLOUD_CAPACITY_EXHAUSTED,
            Clue.CLOUD_QUOTA_EXCEEDED, Clue.SCALE_UP_BACKOFF, Clue.NO_NODE_GROUP_FITS);

    /** Moves every candidate of the subject along its lifecycle at event time {@code now}; returns the transitions. */
    public List<Incident> evaluate(Subject subject, SubjectState state, long now, SubjectView view, IncidentStore store) {
        if (!state.recentlyResolved.isEmpty()) {
            state.recentlyResolved.values().removeIf(t -> t + quietPeriod < now);
        }
        if (state.candidates.isEmpty()) {
            return List.of(); // most subjects (healthy workloads, heartbeating nodes) have nothing to move along
        }
        List<Incident> out = new ArrayList<>();
        for (Category category : categoriesIn(state)) {
            Candidate c = state.candidates.get(category.name());
            if (c == null) {
                continue; // resolved as superseded earlier in this loop
            }
            Detector d = detectors.of(category);
            String id = subject.incidentId(category);
            if (!c.open) {
                long graceEnd = graceEnd(category, c, state);
                long quietEnd = c.lastSeen + quietPeriod;
                // The grace ending is judged at its own event time, not at the time of the evaluation: the next
                // record of a pasted describe or a sparse recording may come long after it (a Failed 25m ago, then
                // Pulled 19s ago), and a failure that outlasted its grace before going quiet was an incident.
                // Records of one event time are one moment, in no particular order (a describe table prints
                // "Error: ErrImagePull" and the "Failed to pull image ...: manifest unknown" that explains it with
                // the same age): a candidate does not open at the instant of its latest evidence, but once event
                // time has moved past it, when the rest of that moment is in.
                boolean graceMet = now >= graceEnd && graceEnd < quietEnd && now > c.lastSeen;
                boolean ready = graceMet && d.sufficient(IncidentBuilder.summary(c));
                if (recovered(c)) {
                    state.candidates.remove(category.name()); // a transient
                } else if (ready && yields(d, c, state)) {
                    c.yielded = true; // explained by a better category while that one lasts
                    if (now >= quietEnd) {
                        state.candidates.remove(category.name());
                    }
                } else if (ready && !(c.yielded && now >= quietEnd)) {
                    open(subject, state, c, d, now, view, store, out);
                } else if (now >= quietEnd) {
                    // evidence that never sufficed, or that a better category explained until both went quiet (the
                    // better one resolving must not let this one open at the same moment, already quiet)
                    state.candidates.remove(category.name());
                }
            } else if (recovered(c)) {
                resolve(subject, state, c, d, now, view, store, out,
                        c.recovery == null ? "recovered" : c.recovery);
            } else if (now >= c.lastSeen + quietPeriod) {
                resolve(subject, state, c, d, now, view, store, out, "quiet: no new failure evidence for "
                        + config.quietPeriod().toMinutes() + " min since " + Instant.ofEpochMilli(c.lastSeen));
            } else {
                update(subject, c, d, now, view, store, out);
            }
        }
        return out;
    }

    private static List<Category> categoriesIn(SubjectState state) {
        List<Category> categories = new ArrayList<>();
        for (String name : state.candidates.keySet()) {
            categories.add(Category.valueOf(name));
        }
        categories.sort(null);
        return categories;
    }

    /**
     * Whether candidate {@code c} of {@code d} waits for a better-explaining one that lasts: a category it yields to,
     * unless only a guess supports that one; and, when only a guess supports {@code c}, any other of its phase that
     * evidence proves (an unexplained pull failure is no missing image once a pull says it timed out).
     */
    private static boolean yields(Detector d, Candidate c, SubjectState state) {
        for (Category better : d.yieldsTo(c.facts)) {
            Candidate other = state.candidates.get(better.name());
            if (other != null && (other.open || !recovered(other)) && (c.guessOnly || !other.guessOnly)) {
                return true;
            }
        }
        return c.guessOnly && state.candidates.values().stream().anyMatch(other -> givesWay(c, other)
                && (other.open || !recovered(other)));
    }

    /** A candidate only guesses support gives way to one of its phase that evidence proves. */
    private static boolean givesWay(Candidate guess, Candidate proved) {
        return guess.guessOnly && !proved.guessOnly && phaseOf(guess) == phaseOf(proved);
    }

    private static Phase phaseOf(Candidate c) {
        return Category.valueOf(c.category).phase();
    }

    private void open(Subject subject, SubjectState state, Candidate c, Detector d, long now, SubjectView view,
                      IncidentStore store, List<Incident> out) {
        Category category = d.category();
        String id = subject.incidentId(category);
        String follows = null;
        // Supersede: the workload's earlier-phase incidents, and those that yield to this category.
        for (Category other : categoriesIn(state)) {
            Candidate o = state.candidates.get(other.name());
            if (o == null || !o.open || other == category) {
                continue;
            }
            if (supersedes(category, other) || detectors.of(other).yieldsTo(o.facts).contains(category)
                    || givesWay(o, c)) {
                String otherId = subject.incidentId(other);
                resolve(subject, state, o, detectors.of(other), now, view, store, out, "superseded by " + id);
                follows = otherId;
            }
        }
        if (follows == null && !subject.isNode()) {
            follows = recentlyResolvedEarlierPhase(subject, state, category);
        }
        Incident previous = store.get(id);
        int occurrence = previous == null ? 1
                : previous.getStatus() == IncidentStatus.RESOLVED ? previous.getOccurrence() + 1 : previous.getOccurrence();
        Incident incident = builder.build(subject, c, d, view, IncidentStatus.OPEN, occurrence, follows, null);
        c.open = true;
        c.changed = false;
        c.follows = follows;
        c.lastEmitted = now;
        c.pendingUpdate = false;
        store.put(id, incident);
        out.add(incident);
    }

    /** A workload problem in a later phase of a Pod's life replaces one in an earlier phase (NODE is not a phase of a Pod). */
    private static boolean supersedes(Category later, Category earlier) {
        return later.phase() != Phase.NODE && earlier.phase() != Phase.NODE
                && later.phase().ordinal() > earlier.phase().ordinal();
    }

    private static String recentlyResolvedEarlierPhase(Subject subject, SubjectState state, Category category) {
        String best = null;
        long bestTime = Long.MIN_VALUE;
        for (Map.Entry<String, Long> e : state.recentlyResolved.entrySet()) {
            Category resolved = Category.valueOf(e.getKey().substring(e.getKey().lastIndexOf('/') + 1));
            if (supersedes(category, resolved) && e.getValue() >= bestTime) {
                best = e.getKey();
                bestTime = e.getValue();
            }
        }
        return best;
    }

    private void resolve(Subject subject, SubjectState state, Candidate c, Detector d, long now, SubjectView view,
                         IncidentStore store, List<Incident> out, String resolution) {
        String id = subject.incidentId(d.category());
        Incident previous = store.get(id);
        int occurrence = previous == null ? 1 : previous.getOccurrence();
        Incident incident = builder.build(subject, c, d, view, IncidentStatus.RESOLVED, occurrence, c.follows, resolution);
        store.put(id, incident);
        out.add(incident);
        state.candidates.remove(d.category().name());
        state.recentlyResolved.put(id, now);
        // What it explained goes with it: a candidate that yielded to it (the back-off of a container that could not
        // start, of one killed out of memory) holds its evidence, and opening that once it is gone (its own quiet
        // period ending 30 s later) was an incident for a failure already resolved. New evidence starts a new one.
        state.candidates.values().removeIf(other -> !other.open && other.yielded
                && (detectors.of(Category.valueOf(other.category)).yieldsTo(other.facts).contains(d.category())
                || givesWay(other, c)));
    }

    private void update(Subject subject, Candidate c, Detector d, long now, SubjectView view, IncidentStore store,
                        List<Incident> out) {
        if (!c.changed && !c.pendingUpdate) {
            return; // nothing that could be material: skip rendering (the hot path of a busy incident)
        }
        c.changed = false;
        String id = subject.incidentId(d.category());
        Incident previous = store.get(id);
        int occurrence = previous == null ? 1 : previous.getOccurrence();
        Incident next = builder.draft(subject, c, d, view, IncidentStatus.UPDATED, occurrence, c.follows, null);
        boolean material = previous == null || materialChange(previous, next);
        if (!material && !c.pendingUpdate) {
            return;
        }
        if (now < c.lastEmitted + updateInterval) {
            c.pendingUpdate = true; // flushed by the deadline at lastEmitted + interval
            return;
        }
        c.lastEmitted = now;
        c.pendingUpdate = false;
        IncidentBuilder.withText(next);
        store.put(id, next);
        out.add(next);
    }

    /** New pods or nodes, other affected workloads, another severity, another top cause. Evidence alone is not. */
    static boolean materialChange(Incident before, Incident after) {
        return !after.getPods().equals(before.getPods())
                || !after.getNodes().equals(before.getNodes())
                || !after.getAffectedWorkloads().equals(before.getAffectedWorkloads())
                || after.getSeverity() != before.getSeverity()
                || !Objects.equals(topCause(before), topCause(after));
    }

    private static String topCause(Incident incident) {
        return incident.getCauses().isEmpty() ? null : incident.getCauses().get(0).getCause();
    }

    /**
     * The next event time at which {@link #evaluate} may change something without a new signal: a grace ending, a
     * quiet period ending, a rate-limited update falling due, or the subject's retention expiring.
     */
    public OptionalLong nextDeadline(SubjectState state, long now) {
        long next = state.lastTouched + subjectRetention;
        long quiet = quietPeriod;
        for (Map.Entry<String, Candidate> e : state.candidates.entrySet()) {
            Candidate c = e.getValue();
            if (!c.open) {
                long graceEnd = graceEnd(Category.valueOf(e.getKey()), c, state);
                long openAt = Math.max(graceEnd, c.lastSeen + 1);
                next = Math.min(next, openAt > now ? openAt : c.lastSeen + quiet);
            } else {
                next = Math.min(next, c.lastSeen + quiet);
                if (c.pendingUpdate) {
                    next = Math.min(next, c.lastEmitted + updateInterval);
                }
            }
        }
        return next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(Math.max(next, now + 1));
    }

    /** True when the subject holds nothing worth keeping at {@code now}: purge it (bounded state). */
    public boolean expired(SubjectState state, long now) {
        boolean anyOpen = false;
        for (Iterator<Candidate> it = state.candidates.values().iterator(); it.hasNext(); ) {
            anyOpen |= it.next().open;
        }
        return !anyOpen && state.lastTouched + subjectRetention <= now;
    }
}
