package dev.incidents.analyzer.pages;

import dev.incidents.schemas.Evidence;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every transition of every incident, in the order they came: what the pages draw a timeline from. The incident
 * topic and the store hold only each incident's latest state; the pages need the whole sequence
 * (OPEN, UPDATED, RESOLVED with their event times) and the evidence each transition carried.
 *
 * <p>Bounded for a long-running {@code analyze} (the live page): at most {@link #MAX_TRANSITIONS} per incident (the
 * first, which opened it, and the newest), {@link #MAX_EVIDENCE} evidence lines (the newest), and {@link #MAX_INCIDENTS}
 * incidents (the longest-resolved go first). A report ({@link #of}) keeps everything of its one recording. Only the latest transition is kept whole; the earlier ones keep what a timeline
 * shows of them (status, time, severity, title, resolution), their evidence merged into the incident's. Thread-safe.
 */
public final class IncidentHistory {
    /** Transitions kept per incident; updates are rate-limited (5 min by default), so this is hours of them. */
    static final int MAX_TRANSITIONS = 64;
    /** Evidence lines kept per incident, over all its transitions (each carries its newest 20 by default). */
    static final int MAX_EVIDENCE = 100;
    static final int MAX_INCIDENTS = 5_000;

    /** One incident: its transitions in order, the last being its current state (whole), and its evidence. */
    public record Entry(String id, List<Incident> transitions, List<Evidence> evidence) {
        public Incident latest() {
            return transitions.get(transitions.size() - 1);
        }

        /** Event time of a transition: its newest evidence, as {@code tail} prints it. */
        public static Instant time(Incident transition) {
            return transition.getLastSeen();
        }

        public boolean open() {
            return latest().getStatus() != IncidentStatus.RESOLVED;
        }

        public Instant start() {
            Instant start = transitions.get(0).getFirstSeen();
            return evidence.isEmpty() || !evidence.get(0).getTime().isBefore(start) ? start : evidence.get(0).getTime();
        }

        /** When it ended (its last RESOLVED transition's time), or null while it is open. */
        public Instant end() {
            return open() ? null : time(latest());
        }
    }

    /** What is kept of one incident. */
    private static final class Kept {
        final List<Incident> transitions = new ArrayList<>();
        final Set<Evidence> evidence = new LinkedHashSet<>();

        Incident latest() {
            return transitions.get(transitions.size() - 1);
        }

        Entry entry(String id) {
            List<Evidence> sorted = new ArrayList<>(evidence);
            sorted.sort(Comparator.comparing(Evidence::getTime));
            return new Entry(id, List.copyOf(transitions), sorted);
        }
    }

    private final int maxIncidents;
    private final int maxTransitions;
    private final int maxEvidence;
    private final Map<String, Kept> byId = new LinkedHashMap<>();
    /** Who says it follows whom ({@link #followers}), kept as transitions come: a page renders it per transition. */
    private final Map<String, Set<String>> followersOf = new HashMap<>();

    /** A bounded history, for as long as the process runs. */
    public IncidentHistory() {
        this(MAX_INCIDENTS, MAX_TRANSITIONS, MAX_EVIDENCE);
    }

    IncidentHistory(int maxIncidents, int maxTransitions, int maxEvidence) {
        this.maxIncidents = maxIncidents;
        this.maxTransitions = maxTransitions;
        this.maxEvidence = maxEvidence;
    }

    /** Everything of one recording's transitions (a report). */
    public static IncidentHistory of(List<Incident> transitions) {
        IncidentHistory history = new IncidentHistory(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
        transitions.forEach(history::add);
        return history;
    }

    public synchronized void add(Incident transition) {
        Kept kept = byId.computeIfAbsent(transition.getId(), id -> new Kept());
        if (!kept.transitions.isEmpty()) {
            if (kept.latest().equals(transition)) {
                return; // the same state again (a re-read of the topic): nothing happened
            }
            int last = kept.transitions.size() - 1;
            kept.transitions.set(last, outline(kept.latest()));
        }
        kept.transitions.add(transition);
        if (transition.getFollows() != null) {
            followersOf.computeIfAbsent(transition.getFollows(), earlier -> new LinkedHashSet<>()).add(transition.getId());
        }
        if (kept.transitions.size() > maxTransitions) {
            kept.transitions.remove(1);
        }
        kept.evidence.addAll(transition.getEvidence());
        if (kept.evidence.size() > maxEvidence) {
            List<Evidence> newest = new ArrayList<>(kept.evidence);
            newest.sort(Comparator.comparing(Evidence::getTime));
            kept.evidence.clear();
            kept.evidence.addAll(newest.subList(newest.size() - maxEvidence, newest.size()));
        }
        if (byId.size() > maxIncidents) {
            evictOne();
        }
    }

    public synchronized Entry entry(String id) {
        Kept kept = byId.get(id);
        return kept == null ? null : kept.entry(id);
    }

    /** Every incident, as the pages list them ({@link #PAGE_ORDER}). */
    public synchronized List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(byId.size());
        byId.forEach((id, kept) -> entries.add(kept.entry(id)));
        entries.sort(PAGE_ORDER);
        return entries;
    }

    /** An earlier transition as a timeline shows it: its evidence is in the incident's, the rest is the latest's. */
    private static Incident outline(Incident transition) {
        return Incident.newBuilder(transition).setEvidence(List.of()).setCauses(List.of()).setRemediation(List.of())
                .setText("").setSummary("").build();
    }

    /** The latest state of every open incident, in no particular order (the live page's groups). */
    public synchronized List<Incident> openNow() {
        List<Incident> open = new ArrayList<>();
        byId.values().forEach(kept -> {
            if (kept.latest().getStatus() != IncidentStatus.RESOLVED) {
                open.add(kept.latest());
            }
        });
        return open;
    }

    /** Ids of the incidents that say they follow {@code id} (the next phase of the same workload). */
    public synchronized List<String> followers(String id) {
        return List.copyOf(followersOf.getOrDefault(id, Set.of()));
    }

    /**
     * Open incidents first, then the most recently active, then by id: what an on-call engineer looks at first.
     * The live page's script keeps the same order when transitions arrive (app.js, {@code order}).
     */
    public static final Comparator<Entry> PAGE_ORDER = Comparator.comparing((Entry e) -> !e.open())
            .thenComparing((Entry e) -> Entry.time(e.latest()), Comparator.reverseOrder())
            .thenComparing(Entry::id);

    private void evictOne() {
        String oldest = null;
        Instant oldestEnd = null;
        for (Map.Entry<String, Kept> e : byId.entrySet()) {
            Incident latest = e.getValue().latest();
            if (latest.getStatus() == IncidentStatus.RESOLVED
                    && (oldestEnd == null || latest.getLastSeen().isBefore(oldestEnd))) {
                oldest = e.getKey();
                oldestEnd = latest.getLastSeen();
            }
        }
        String evicted = oldest != null ? oldest : byId.keySet().iterator().next();
        Kept gone = byId.remove(evicted);
        followersOf.remove(evicted);
        String follows = gone.latest().getFollows();
        if (follows != null && followersOf.containsKey(follows)) {
            followersOf.get(follows).remove(evicted);
            if (followersOf.get(follows).isEmpty()) {
                followersOf.remove(follows);
            }
        }
    }
}
