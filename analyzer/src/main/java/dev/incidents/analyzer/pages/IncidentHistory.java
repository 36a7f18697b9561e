package dev.incidents.analyzer.pages;

import dev.incidents.schemas.Evidence;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>Bounded for a long-running {@code analyze}: at most {@link #MAX_TRANSITIONS} per incident (the first, which
 * opened it, and the newest) and at most {@code maxIncidents} incidents (the longest-resolved go first). Thread-safe.
 */
public final class IncidentHistory {
    /** Transitions kept per incident; updates are rate-limited (5 min by default), so this is hours of them. */
    static final int MAX_TRANSITIONS = 64;

    /** One incident: its transitions in order, the last being its current state. */
    public record Entry(String id, List<Incident> transitions) {
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
            for (Evidence e : evidence()) {
                start = e.getTime().isBefore(start) ? e.getTime() : start;
            }
            return start;
        }

        /** When it ended (its last RESOLVED transition's time), or null while it is open. */
        public Instant end() {
            return open() ? null : time(latest());
        }

        /** The evidence of every transition, once each, oldest first: more than the latest state's capped list. */
        public List<Evidence> evidence() {
            Set<Evidence> all = new LinkedHashSet<>();
            for (Incident t : transitions) {
                all.addAll(t.getEvidence());
            }
            List<Evidence> sorted = new ArrayList<>(all);
            sorted.sort(Comparator.comparing(Evidence::getTime));
            return sorted;
        }
    }

    private final int maxIncidents;
    private final Map<String, List<Incident>> byId = new LinkedHashMap<>();

    public IncidentHistory() {
        this(10_000);
    }

    public IncidentHistory(int maxIncidents) {
        this.maxIncidents = maxIncidents;
    }

    public static IncidentHistory of(List<Incident> transitions) {
        IncidentHistory history = new IncidentHistory(Integer.MAX_VALUE);
        transitions.forEach(history::add);
        return history;
    }

    public synchronized void add(Incident transition) {
        List<Incident> list = byId.computeIfAbsent(transition.getId(), id -> new ArrayList<>());
        if (!list.isEmpty() && list.get(list.size() - 1).equals(transition)) {
            return; // the same state again (a re-read of the topic): nothing happened
        }
        list.add(transition);
        if (list.size() > MAX_TRANSITIONS) {
            list.remove(1);
        }
        if (byId.size() > maxIncidents) {
            evictOne();
        }
    }

    public synchronized Entry entry(String id) {
        List<Incident> list = byId.get(id);
        return list == null ? null : new Entry(id, List.copyOf(list));
    }

    /** Every incident, as the pages list them ({@link #PAGE_ORDER}). */
    public synchronized List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(byId.size());
        byId.forEach((id, list) -> entries.add(new Entry(id, List.copyOf(list))));
        entries.sort(PAGE_ORDER);
        return entries;
    }

    /** Ids of the incidents that say they follow {@code id} (the next phase of the same workload). */
    public synchronized List<String> followers(String id) {
        List<String> followers = new ArrayList<>();
        byId.forEach((other, list) -> {
            if (id.equals(list.get(list.size() - 1).getFollows())) {
                followers.add(other);
            }
        });
        return followers;
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
        for (Map.Entry<String, List<Incident>> e : byId.entrySet()) {
            Incident latest = e.getValue().get(e.getValue().size() - 1);
            if (latest.getStatus() == IncidentStatus.RESOLVED
                    && (oldestEnd == null || latest.getLastSeen().isBefore(oldestEnd))) {
                oldest = e.getKey();
                oldestEnd = latest.getLastSeen();
            }
        }
        byId.remove(oldest != null ? oldest : byId.keySet().iterator().next());
    }
}
