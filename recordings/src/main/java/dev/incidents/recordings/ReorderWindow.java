package dev.incidents.recordings;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * The records of one file not yet released, ordered by time, then position in the file. Recordings are nearly in
 * order, so a record no older than the newest held is appended to a run (constant time); the rare older one goes to
 * a heap. The oldest is the older of the two heads.
 */
final class ReorderWindow {
    /**
     * A record and its position in its file (the tie-break for equal times). Its time is copied out of the
     * {@link java.time.Instant}: the heap compares a record a dozen times on its way through a window.
     */
    record Held(Recorded record, long position, long seconds, int nanos) implements Comparable<Held> {
        Held(Recorded record, long position) {
            this(record, position, record.time().getEpochSecond(), record.time().getNano());
        }

        /** By time, as {@link java.time.Instant#compareTo}. */
        int compareTime(Held other) {
            int bySeconds = Long.compare(seconds, other.seconds);
            return bySeconds != 0 ? bySeconds : Integer.compare(nanos, other.nanos);
        }

        @Override
        public int compareTo(Held other) {
            int byTime = compareTime(other);
            return byTime != 0 ? byTime : Long.compare(position, other.position);
        }
    }

    private final ArrayDeque<Held> run = new ArrayDeque<>();
    private final PriorityQueue<Held> older = new PriorityQueue<>();
    private long position;

    void add(Recorded record) {
        Held held = new Held(record, position++);
        Held newest = run.peekLast();
        if (newest == null || held.compareTime(newest) >= 0) {
            run.addLast(held);
        } else {
            older.add(held);
        }
    }

    int size() {
        return run.size() + older.size();
    }

    boolean isEmpty() {
        return run.isEmpty() && older.isEmpty();
    }

    /** The oldest record held, or null. */
    Held peek() {
        Held first = run.peekFirst();
        Held straggler = older.peek();
        if (first == null) {
            return straggler;
        }
        return straggler == null || first.compareTo(straggler) < 0 ? first : straggler;
    }

    Held poll() {
        Held oldest = peek();
        if (oldest != null) {
            if (oldest == run.peekFirst()) {
                run.pollFirst();
            } else {
                older.poll();
            }
        }
        return oldest;
    }
}
