package dev.incidents.analyzer.correlate;

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
 * With stores that survive nothing ({@code replay}) the store is not written, as {@link DeadlineIndex}'s.
 */
final class ReorderBuffer {

    /** One buffered signal: the subject it is for and its frame from {@code signals-by-subject}. */
    record Entry(long time, String subjectKey, byte[] frame) {
    }

    private final KeyValueStore<Bytes, byte[]> store;
    private final boolean durable;
    private final TreeMap<Bytes, byte[]> pending = new TreeMap<>();
    private long sequence;

    ReorderBuffer(KeyValueStore<Bytes, byte[]> store, boolean durable) {
        this.store = store;
        this.durable = durable;
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                var e = it.next();
                pending.put(e.key, e.value);
                sequence = Math.max(sequence, ByteBuffer.wrap(e.key.get()).getLong(12) + 1);
            }
        }
    }

    /** {@code order} is the record's offset in its {@code signals-by-subject} partition (arrival order when unknown). */
    void add(long time, int inputPartition, long order, String subjectKey, byte[] frame) {
        long seq = order >= 0 ? order : sequence;
        sequence = Math.max(sequence, seq + 1);
        Bytes key = Bytes.wrap(ByteBuffer.allocate(20).putLong(Math.max(0, time)).putInt(inputPartition)
                .putLong(seq).array());
        byte[] subject = subjectKey.getBytes(StandardCharsets.UTF_8);
        byte[] value = ByteBuffer.allocate(4 + subject.length + frame.length).putInt(subject.length).put(subject)
                .put(frame).array();
        pending.put(key, value);
        if (durable) {
            store.put(key, value);
        }
    }

    /** Event time of the earliest buffered signal, or Long.MAX_VALUE when empty. */
    long earliest() {
        return pending.isEmpty() ? Long.MAX_VALUE : ByteBuffer.wrap(pending.firstKey().get()).getLong(0);
    }

    /** Removes and returns the earliest buffered signal. */
    Entry poll() {
        Map.Entry<Bytes, byte[]> first = pending.pollFirstEntry();
        if (durable) {
            store.delete(first.getKey());
        }
        ByteBuffer value = ByteBuffer.wrap(first.getValue());
        byte[] subject = new byte[value.getInt()];
        value.get(subject);
        byte[] frame = new byte[value.remaining()];
        value.get(frame);
        return new Entry(ByteBuffer.wrap(first.getKey().get()).getLong(0), new String(subject, StandardCharsets.UTF_8),
                frame);
    }

    int size() {
        return pending.size();
    }
}
