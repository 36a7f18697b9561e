package dev.incidents.analyzer.signal;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodGroupSnapshot;
import dev.incidents.schemas.PodSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Codec of one signal inside a {@link SignalFrames} frame of the internal {@code signals-by-subject} topic: one tag
 * byte, then the input record in Avro single-object encoding (the generated classes' own codec; the topic is
 * internal, so no registry is involved).
 * An {@link EventSignal}'s derived fields are recomputed from its event on read.
 */
public final class SignalSerde implements Serde<Signal> {

    private static final byte EVENT = 'E';
    private static final byte POD = 'P';
    private static final byte DELETED = 'D';
    private static final byte NODE = 'N';
    private static final byte NODE_DELETED = 'X';
    private static final byte GROUP = 'G';
    /** Room for most projected snapshots and events without growing the buffer. */
    static final int INITIAL_SIZE = 512;

    @Override
    public Serializer<Signal> serializer() {
        return (topic, signal) -> signal == null ? null : encode(signal);
    }

    @Override
    public Deserializer<Signal> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    static byte[] encode(Signal signal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_SIZE);
        encode(signal, out);
        return out.toByteArray();
    }

    /**
     * Writes the signal's tag and record to {@code out}: Avro encodes straight into the caller's buffer (a frame), not
     * into a buffer of its own that is then copied twice.
     */
    static void encode(Signal signal, ByteArrayOutputStream out) {
        try {
            if (signal instanceof EventSignal e) {
                out.write(EVENT);
                KubeEvent.getEncoder().encode(e.event(), out);
            } else if (signal instanceof PodObserved p) {
                out.write(POD);
                PodSnapshot.getEncoder().encode(p.snapshot(), out);
            } else if (signal instanceof NodeObserved n) {
                out.write(NODE);
                NodeSnapshot.getEncoder().encode(n.snapshot(), out);
            } else if (signal instanceof GroupObserved g) {
                out.write(GROUP);
                PodGroupSnapshot.getEncoder().encode(g.snapshot(), out);
            } else if (signal instanceof NodeDeleted n) {
                out.write(NODE_DELETED);
                out.write(timeAndName(n.time(), n.name()));
            } else {
                PodDeleted d = (PodDeleted) signal;
                out.write(DELETED);
                out.write(timeAndName(d.time(), d.name()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Signal decode(byte[] bytes) {
        return decode(bytes, 0);
    }

    /** The signal encoded from {@code offset} to the end of {@code bytes} (a frame's body, read in place). */
    static Signal decode(byte[] bytes, int offset) {
        if (bytes.length <= offset) {
            throw new SerializationException("empty signal");
        }
        byte tag = bytes[offset];
        ByteBuffer body = ByteBuffer.wrap(bytes, offset + 1, bytes.length - offset - 1).slice();
        try {
            return switch (tag) {
                case EVENT -> EventSignal.of(KubeEvent.fromByteBuffer(body));
                case POD -> PodObserved.of(PodSnapshot.fromByteBuffer(body));
                case NODE -> NodeObserved.of(NodeSnapshot.fromByteBuffer(body));
                case GROUP -> GroupObserved.of(PodGroupSnapshot.fromByteBuffer(body));
                case DELETED, NODE_DELETED -> {
                    String text = new String(bytes, offset + 1, bytes.length - offset - 1, StandardCharsets.UTF_8);
                    int nl = text.indexOf('\n');
                    String name = text.substring(nl + 1);
                    Instant time = Instant.ofEpochMilli(Long.parseLong(text.substring(0, nl)));
                    yield tag == DELETED ? new PodDeleted(name, time) : new NodeDeleted(name, time);
                }
                default -> throw new SerializationException("unknown signal tag " + tag);
            };
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("undecodable signal", e);
        }
    }

    private static byte[] timeAndName(Instant time, String name) {
        return (time.toEpochMilli() + "\n" + name).getBytes(StandardCharsets.UTF_8);
    }
}
