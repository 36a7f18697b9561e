package dev.incidents.analyzer.correlate;

import dev.incidents.analyzer.signal.SignalFrame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Signals that arrived before the correlator's clock reached their event time, in event-time order. Ties keep the
 * order of their input partition (then partition number), so a replay through one partition and a live run through
 * many take the records of one subject in the same order.
 *
 * <p>The changelogged store makes the buffer survive a crash (its records' input offsets are already committed); the
 * sorted copy in memory, rebuilt from the store when the task starts, keeps "the earliest entry" a map lookup instead
 * of a store scan per record. Its size is the input in flight between the fastest and the slowest input partition.
 * With stores that survive nothing ({@code replay}) the store is not written, as {@link DeadlineIndex}'s, and a frame
 * waits as the object it came as (in one stage, a signal never encoded: {@link SignalFrame}).
 */
final class ReorderBuffer {

    /** One buffered signal: the subject it is for and its frame from {@code signals-by-subject}. */
    record Entry(long time, String subjectKey, SignalFrame frame) {
    }

    /**
     * Where an entry sorts: its time, input partition and order of arrival, compared as numbers, which is the order of
     * the store's keys (the three big-endian and never negative, so their bytes compare as the numbers do).
     */
    private record Slot(long time, int inputPartition, long sequence) implements Comparable<Slot> {

        static Slot of(Bytes key) {
            ByteBuffer bytes = ByteBuffer.wrap(key.get());
            return new Slot(bytes.getLong(0), bytes.getInt(8), bytes.getLong(12));
        }

        Bytes key() {
            return Bytes.wrap(ByteBuffer.allocate(20).putLong(time).putInt(inputPartition).putLong(sequence).array());
        }

        @Override
        public int compareTo(Slot other) {
            int byTime = Long.compare(time, other.time);
            if (byTime != 0) {
                return byTime;
            }
            int byPartition = Integer.compare(inputPartition, other.inputPartition);
            return byPartition != 0 ? byPartition : Long.compare(sequence, other.sequence);
        }
    }

    private final KeyValueStore<Bytes, byte[]> store;
    private final boolean durable;
    private final TreeMap<Slot, Entry> pending = new TreeMap<>();
    private long sequence;

    ReorderBuffer(KeyValueStore<Bytes, byte[]> store, boolean durable) {
        this.store = store;
        this.durable = durable;
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                var e = it.next();
                Slot slot = Slot.of(e.key);
                pending.put(slot, entry(slot.time(), e.value));
                sequence = Math.max(sequence, slot.sequence() + 1);
            }
        }
    }

    /** {@code order} is the record's offset in its {@code signals-by-subject} partition (arrival order when unknown). */
    void add(long time, int inputPartition, long order, String subjectKey, SignalFrame frame) {
        long seq = order >= 0 ? order : sequence;
        sequence = Math.max(sequence, seq + 1);
        Slot slot = new Slot(Math.max(0, time), inputPartition, seq);
        pending.put(slot, new Entry(slot.time(), subjectKey, frame));
        if (durable) {
            store.put(slot.key(), value(subjectKey, frame.bytes()));
        }
    }

    /** Event time of the earliest buffered signal, or Long.MAX_VALUE when empty. */
    long earliest() {
        return pending.isEmpty() ? Long.MAX_VALUE : pending.firstKey().time();
    }

    /** Removes and returns the earliest buffered signal. */
    Entry poll() {
        Map.Entry<Slot, Entry> first = pending.pollFirstEntry();
        if (durable) {
            store.delete(first.getKey().key());
        }
        return first.getValue();
    }

    int size() {
        return pending.size();
    }

    /** The store's value: the subject key's length and UTF-8 bytes, then the frame. */
    private static byte[] value(String subjectKey, byte[] frame) {
        byte[] subject = subjectKey.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + subject.length + frame.length).putInt(subject.length).put(subject).put(frame)
                .array();
    }

    private static Entry entry(long time, byte[] stored) {
        ByteBuffer value = ByteBuffer.wrap(stored);
        byte[] subject = new byte[value.getInt()];
        value.get(subject);
        byte[] frame = new byte[value.remaining()];
        value.get(frame);
        return new Entry(time, new String(subject, StandardCharsets.UTF_8), SignalFrame.read(frame));
    }
}
