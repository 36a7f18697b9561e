package dev.incidents.recordings;

import dev.incidents.schemas.OwnerRef;
import dev.incidents.schemas.PodSnapshot;
import java.util.ArrayDeque;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.avro.specific.SpecificRecord;

/**
 * The records of one file not yet released, ordered by time, then position in the file. Recordings are nearly in
 * order, so a record no older than the newest held is appended to a run (constant time); the rare older one goes to
 * a heap. The oldest is the older of the two heads.
 */
final class ReorderWindow {
    /**
     * A record and its position in its file (the tie-break for equal times). Its time is copied out of the
     * {@link java.time.Instant}: the heap compares a record a dozen times on its way through a window.
     * {@code podOwners}: what a Pod's owner chain is resolved from on release, null for anything else.
     */
    record Held(Recorded envelope, Class<? extends SpecificRecord> type, byte[] value, PodOwners podOwners,
                long position, long seconds, int nanos) implements Comparable<Held> {
        /** Keeps the value as its bytes ({@link CompactValue}) and the rest of the record without it. */
        static Held of(Recorded record, long position) {
            SpecificRecord value = record.value();
            Recorded envelope = value == null ? record
                    : new Recorded(record.time(), record.kind(), record.key(), null, record.file(), record.line());
            return new Held(envelope, value == null ? null : value.getClass(),
                    value == null ? null : CompactValue.encode(value), PodOwners.of(value), position,
                    record.time().getEpochSecond(), record.time().getNano());
        }

        /** The record as it was added. */
        Recorded record() {
            if (value == null) {
                return envelope;
            }
            return new Recorded(envelope.time(), envelope.kind(), envelope.key(), CompactValue.decode(type, value),
                    envelope.file(), envelope.line());
        }

        /** The record as it was added, its value left encoded. */
        EncodedRecord encoded() {
            return new EncodedRecord(envelope.time(), envelope.kind(), envelope.key(), type, value, envelope.file(),
                    envelope.line());
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

    /**
     * A Pod's owner chain as mapped (from the names alone) and what {@link RecordStream} needs to resolve it again on
     * release, when more owners may have been read, without decoding the Pod: a few small objects kept beside its
     * bytes.
     */
    record PodOwners(String namespace, List<OwnerRef> chain, String podTemplateHash) {
        /** Null unless {@code value} is a Pod with an owner. */
        static PodOwners of(SpecificRecord value) {
            return value instanceof PodSnapshot pod && !pod.getOwners().isEmpty()
                    ? new PodOwners(pod.getNamespace(), pod.getOwners(), pod.getLabels().get("pod-template-hash"))
                    : null;
        }
    }

    private final ArrayDeque<Held> run = new ArrayDeque<>();
    private final PriorityQueue<Held> older = new PriorityQueue<>();
    private long position;

    void add(Recorded record) {
        Held held = Held.of(record, position++);
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
