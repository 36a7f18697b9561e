package dev.incidents.analyzer.correlate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Events of pods whose owner the input stage does not know yet, held until the pods topic of their partition has
 * passed their time: then the owner a snapshot named by that time routes them, as it would have in event-time order.
 *
 * <p>Why: an event names only its pod. Its workload comes from the pod's snapshots ({@link
 * dev.incidents.analyzer.PodOwners}), else from the pod's name, which is wrong for a PyTorchJob's {@code <job>-worker-N}
 * (a StatefulSet by the name) or a LeaderWorkerSet's pods. Replay takes the topics in event-time order, so a pod's
 * first snapshot is learned before the events after it; live, a lagging {@code k8s.pods} partition (catch-up, a
 * shipper behind on one informer) would let those events through first, to the workload the name guesses: incidents
 * replay never opens (20 of 876 on a 50.7k-record fleet recording on 3 partitions).
 *
 * <p>Kept in a changelogged store (in memory, restored on a restart or a move): under exactly-once the event's input
 * offset is committed while it is held. Ordered by event time, then arrival; a held event is framed already, only its
 * key is chosen on release.
 */
final class HeldPodEvents {

    /** The store's name (changelogged live; one entry per held event, usually none). */
    static final String STORE = "held-pod-events";

    private final KeyValueStore<Bytes, byte[]> store;
    /** The store's content, in memory for the release scan on every record (the store is the durable copy). */
    private final TreeMap<Bytes, Held> held = new TreeMap<>();
    private long sequence;

    /** An event waiting: its time, the pod it is about, the key the pod's name gave it, and its frame. */
    record Held(long time, String podKey, String guessedKey, byte[] frame) {
    }

    /** What a release hands on: the event's subject key, its frame and its time. */
    interface Release {
        void route(String key, byte[] frame, long time);
    }

    HeldPodEvents(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                var entry = it.next();
                held.put(entry.key, decode(entry.key, entry.value));
                sequence = Math.max(sequence, ByteBuffer.wrap(entry.key.get(), Long.BYTES, Long.BYTES).getLong() + 1);
            }
        }
    }

    boolean isEmpty() {
        return held.isEmpty();
    }

    int size() {
        return held.size();
    }

    /** Event time of the oldest event held, Long.MAX_VALUE when none is. */
    long earliest() {
        return held.isEmpty() ? Long.MAX_VALUE : held.firstEntry().getValue().time();
    }

    void hold(long time, String podKey, String guessedKey, byte[] frame) {
        Bytes key = Bytes.wrap(ByteBuffer.allocate(2 * Long.BYTES).putLong(time ^ Long.MIN_VALUE).putLong(sequence++)
                .array());
        Held event = new Held(time, podKey, guessedKey, frame);
        held.put(key, event);
        store.put(key, encode(event));
    }

    /**
     * Routes every event held with a time at most {@code upTo}, oldest first: to the workload {@code ownerOf} names
     * for its pod at the event's time, else to the one its pod's name gave it.
     */
    void release(long upTo, BiFunction<String, Long, Optional<String>> ownerOf, Release release) {
        Iterator<Map.Entry<Bytes, Held>> it = held.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Bytes, Held> entry = it.next();
            Held event = entry.getValue();
            if (event.time() > upTo) {
                return;
            }
            it.remove();
            store.delete(entry.getKey());
            release.route(ownerOf.apply(event.podKey(), event.time()).orElse(event.guessedKey()), event.frame(),
                    event.time());
        }
    }

    private static byte[] encode(Held event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + event.frame().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(event.podKey());
            out.writeUTF(event.guessedKey());
            out.writeInt(event.frame().length);
            out.write(event.frame());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The value holds the pod, the guessed key and the frame; the time is the key's (ordered by it). */
    private static Held decode(Bytes key, byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            long time = ByteBuffer.wrap(key.get()).getLong() ^ Long.MIN_VALUE;
            String podKey = in.readUTF();
            String guessedKey = in.readUTF();
            byte[] frame = new byte[in.readInt()];
            in.readFully(frame);
            return new Held(time, podKey, guessedKey, frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
