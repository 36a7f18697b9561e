package dev.incidents.analyzer.correlate;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The subjects' next deadlines (grace end, quiet end, due update, retention), ordered by event time, so the clock
 * moving on finds the due subjects without a scan of every subject. In memory only, one entry per live subject: each
 * subject's state keeps its own deadline key ({@link SubjectState#deadlineKey}, written with the state whenever the
 * index changes it), so when a task starts the index is rebuilt from the {@code subjects} store ({@link #restore}).
 *
 * <p>Why not a store of its own (it had one, {@code subject-deadlines}, changelogged): the index said nothing the
 * subjects' states do not, and nearly every signal moves its subject's deadline, so it cost a delete and a put per
 * signal in RocksDB and their changelog records: 253k of the 1.2M records a 200k-record catch-up wrote, and the
 * RocksDB deletes of its churn were much of the stream thread's native time. Rebuilt from the states, it cannot
 * disagree with them after a crash either: both were one store's transaction already, now they are one record.
 *
 * <p>The queue orders {@link Due}s, the key's time as a number and then the key, which is the keys' own string order:
 * comparing the keys as strings went through their 13 digits, mostly equal, at every step (4 % of a fleet replay).
 *
 * <p>It is a heap with the live deadlines found by key beside it, and a moved deadline's old entry left in it, marked,
 * until it comes up or is swept: most signals move their subject's deadline (its retention follows its last signal)
 * to the latest time of all, which a heap takes in a step or two, where a sorted tree took a removal and an
 * insertion among every live subject's (40k in a fleet replay), each a walk and a rebalance (4.5 % of its time).
 * The marked entries are swept once they outnumber the live ones twice, so the heap holds at most three times the
 * live deadlines. The order the deadlines come up in is the keys', as it was.
 */
final class DeadlineIndex {

    /** Marked entries at most, beyond twice the live ones, before a sweep. */
    private static final int SWEEP_SLACK = 1024;

    /** The live deadlines by key. */
    private final Map<String, Queued> live = new HashMap<>();
    /** Live deadlines in order, and moved or taken ones marked {@link Queued#removed} until they come up. */
    private final PriorityQueue<Queued> queue = new PriorityQueue<>();
    private int removed;

    /** Puts back a subject's deadline as its restored state names it ({@code key} as {@link #move} returned it). */
    void restore(String key, String subjectKey) {
        if (key != null && !live.containsKey(key)) {
            add(key, time(key), subjectKey);
        }
    }

    /** Event time of the earliest deadline, or Long.MAX_VALUE when none. */
    long earliest() {
        Queued first = first();
        return first == null ? Long.MAX_VALUE : first.time;
    }

    /** Removes the earliest deadline; returns its subject key. */
    String pollSubject() {
        Queued first = first();
        queue.poll();
        live.remove(first.key);
        return first.subjectKey;
    }

    /** Moves a subject's deadline from {@code previousKey} (or none) to {@code time} (or none); returns the new key. */
    String move(String previousKey, long time, String subjectKey) {
        if (previousKey != null && time != Long.MAX_VALUE && isKey(previousKey, time, subjectKey)
                && live.containsKey(previousKey)) {
            // Unchanged (another signal of the subject in the same second): the key is not built again, nor looked
            // up under a new string, whose hash is computed afresh
            return previousKey;
        }
        String key = time == Long.MAX_VALUE ? null : key(time, subjectKey);
        if (previousKey != null && !previousKey.equals(key)) {
            Queued previous = live.remove(previousKey);
            if (previous != null) {
                previous.removed = true;
                removed++;
            }
        }
        if (key != null && !live.containsKey(key)) {
            add(key, Math.max(0, time), subjectKey);
        }
        if (removed > 2 * live.size() + SWEEP_SLACK) {
            queue.removeIf(q -> q.removed);
            removed = 0;
        }
        return key;
    }

    /** Entries in the queue, marked ones included (for the sweep's test). */
    int queued() {
        return queue.size();
    }

    private void add(String key, long time, String subjectKey) {
        Queued entry = new Queued(time, key, subjectKey);
        live.put(key, entry);
        queue.add(entry);
    }

    /** The earliest live entry, once the marked ones before it are dropped; null when none. */
    private Queued first() {
        Queued first = queue.peek();
        while (first != null && first.removed) {
            queue.poll();
            removed--;
            first = queue.peek();
        }
        return first;
    }

    /** Keys are zero-padded epoch millis, so byte order is time order ({@code %013d|%s}, without a format parse per key). */
    static String key(long time, String subjectKey) {
        String millis = Long.toString(Math.max(0, time));
        StringBuilder key = new StringBuilder(14 + Math.max(13, millis.length()) + subjectKey.length());
        for (int pad = millis.length(); pad < 13; pad++) {
            key.append('0');
        }
        return key.append(millis).append('|').append(subjectKey).toString();
    }

    /** Whether {@code key} is what {@link #key}{@code (time, subjectKey)} builds, read in place. */
    static boolean isKey(String key, long time, String subjectKey) {
        int bar = key.length() - subjectKey.length() - 1;
        if (bar < 13 || key.charAt(bar) != '|' || !key.endsWith(subjectKey)) {
            return false;
        }
        long millis = 0;
        for (int i = 0; i < bar; i++) {
            char digit = key.charAt(i);
            if (digit < '0' || digit > '9') {
                return false;
            }
            millis = millis * 10 + (digit - '0');
        }
        return millis == Math.max(0, time) && (bar == 13 || key.charAt(0) != '0');
    }

    static long time(String key) {
        return Long.parseLong(key.substring(0, key.indexOf('|')));
    }

    /** One entry of the queue: a deadline of a subject, marked once moved or taken. */
    private static final class Queued implements Comparable<Queued> {
        final long time;
        final String key;
        final String subjectKey;
        boolean removed;

        Queued(long time, String key, String subjectKey) {
            this.time = time;
            this.key = key;
            this.subjectKey = subjectKey;
        }

        @Override
        public int compareTo(Queued other) {
            return Due.compare(time, key, other.time, other.key);
        }
    }

    /** A key with its time: ordered as the keys are as strings, by a number comparison while times have 13 digits. */
    record Due(long time, String key) implements Comparable<Due> {

        /** Times below this have 13 digits in a key, where the digits' string order is their numbers' order. */
        private static final long THIRTEEN_DIGITS = 10_000_000_000_000L;

        static Due of(String key) {
            return new Due(DeadlineIndex.time(key), key);
        }

        static int compare(long time, String key, long otherTime, String otherKey) {
            if (time != otherTime && time < THIRTEEN_DIGITS && otherTime < THIRTEEN_DIGITS) {
                return time < otherTime ? -1 : 1;
            }
            return key.compareTo(otherKey);
        }

        @Override
        public int compareTo(Due other) {
            return compare(time, key, other.time, other.key);
        }
    }
}
