package dev.incidents.analyzer.signal;

import dev.incidents.recordings.CompactValue;
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
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Codec of one signal inside a {@link SignalFrames} frame of the internal {@code signals-by-subject} topic: one tag
 * byte, then the input record in Avro single-object encoding (the generated classes' own codec; the topic is
 * internal, so no registry is involved).
 * An {@link EventSignal}'s derived fields are recomputed from its event on read.
 *
 * <p>Written and read with the reader's {@link CompactValue} codec (a reused buffered encoder and an array decoder,
 * the same bytes): the generated classes' coders wrote through a direct encoder a field at a time and read through an
 * {@code InputStream}, and every signal goes through both (6 % of a fleet replay). A record whose header names
 * another schema (a frame written by another version) is read by the generated decoder, which resolves or refuses it.
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
                CompactValue.encodeTo(e.event(), out);
            } else if (signal instanceof PodObserved p) {
                out.write(POD);
                CompactValue.encodeTo(p.snapshot(), out);
            } else if (signal instanceof NodeObserved n) {
                out.write(NODE);
                CompactValue.encodeTo(n.snapshot(), out);
            } else if (signal instanceof GroupObserved g) {
                out.write(GROUP);
                CompactValue.encodeTo(g.snapshot(), out);
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
        int at = offset + 1;
        ByteBuffer body = ByteBuffer.wrap(bytes, at, bytes.length - at).slice();
        try {
            return switch (tag) {
                case EVENT -> EventSignal.of(read(KubeEvent.class, KubeEvent.getDecoder(), bytes, at, body));
                case POD -> PodObserved.of(read(PodSnapshot.class, PodSnapshot.getDecoder(), bytes, at, body));
                case NODE -> NodeObserved.of(read(NodeSnapshot.class, NodeSnapshot.getDecoder(), bytes, at, body));
                case GROUP -> GroupObserved.of(read(PodGroupSnapshot.class, PodGroupSnapshot.getDecoder(), bytes, at,
                        body));
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

    /** The record at {@code at}: by the shared codec when written with this schema, else by the generated decoder. */
    private static <T extends SpecificRecord> T read(Class<T> type, BinaryMessageDecoder<T> generated, byte[] bytes,
                                                     int at, ByteBuffer body) throws IOException {
        T value = CompactValue.decodeOwn(type, bytes, at);
        return value != null ? value : generated.decode(body);
    }

    private static byte[] timeAndName(Instant time, String name) {
        return (time.toEpochMilli() + "\n" + name).getBytes(StandardCharsets.UTF_8);
    }
}
