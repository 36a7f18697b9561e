package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.serde.SingleObjectEncoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * A mapped record's value as its Avro binary while it waits in a {@link ReorderWindow}: ten thousand records per file
 * wait there, and as objects (a Node is ~60 small objects: labels, conditions, quantities) they made up most of a
 * replay's live heap and of every young collection's copying; as one byte array each they are a third of the size and
 * nothing for the collector to trace. Written in single-object encoding with each class's own model, so logical types
 * (timestamps) round-trip and the bytes are what the project's serializer writes without a registry
 * ({@link EncodedRecord}).
 *
 * <p>Encoder, decoder and buffer are reused per thread (each stream is read by one): the generated classes' own
 * single-object coders copied every value twice on the way out and read it back through an {@code InputStream} a
 * byte at a time, a third of the window's cost.
 */
final class CompactValue {
    private static final Codec<KubeEvent> EVENTS = new Codec<>(KubeEvent.class);
    private static final Codec<PodSnapshot> PODS = new Codec<>(PodSnapshot.class);
    private static final Codec<NodeSnapshot> NODES = new Codec<>(NodeSnapshot.class);
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private CompactValue() {
    }

    private static final class Buffers {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        BinaryEncoder encoder;
        BinaryDecoder decoder;
    }

    /** One class's schema fingerprint header, writer and reader (both safe to share between threads). */
    private static final class Codec<T extends SpecificRecord> {
        final byte[] header;
        final SpecificDatumWriter<T> writer;
        final SpecificDatumReader<T> reader;

        Codec(Class<T> type) {
            writer = new NullableFirstWriter<>(type);
            reader = new SpecificDatumReader<>(type);
            header = SingleObjectEncoding.header(writer.getSpecificData().getSchema(type));
        }

        byte[] encode(T value) throws IOException {
            Buffers buffers = BUFFERS.get();
            buffers.out.reset();
            buffers.out.writeBytes(header);
            buffers.encoder = EncoderFactory.get().binaryEncoder(buffers.out, buffers.encoder);
            writer.write(value, buffers.encoder);
            buffers.encoder.flush();
            return buffers.out.toByteArray();
        }

        T decode(byte[] bytes) throws IOException {
            Buffers buffers = BUFFERS.get();
            int body = SingleObjectEncoding.HEADER_LENGTH;
            buffers.decoder = DecoderFactory.get().binaryDecoder(bytes, body, bytes.length - body, buffers.decoder);
            return reader.read(null, buffers.decoder);
        }
    }

    /**
     * Every optional field of the schemas is a {@code ["null", T]} union: its branch is told by the value being null,
     * without Avro's look-up of the value's schema name in the union (a quarter of the time of writing a record).
     * Values come from the typed builders, so a non-null one is a {@code T}.
     */
    private static final class NullableFirstWriter<T> extends SpecificDatumWriter<T> {
        NullableFirstWriter(Class<T> type) {
            super(type);
        }

        @Override
        protected int resolveUnion(Schema union, Object datum) {
            List<Schema> branches = union.getTypes();
            if (branches.size() == 2 && branches.get(0).getType() == Schema.Type.NULL) {
                return datum == null ? 0 : 1;
            }
            return super.resolveUnion(union, datum);
        }
    }

    static byte[] encode(SpecificRecord value) {
        try {
            if (value instanceof KubeEvent e) {
                return EVENTS.encode(e);
            }
            if (value instanceof PodSnapshot p) {
                return PODS.encode(p);
            }
            if (value instanceof NodeSnapshot n) {
                return NODES.encode(n);
            }
            throw new IllegalArgumentException("not a recorded kind: " + value.getClass().getName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a " + value.getSchema().getName(), e);
        }
    }

    /** The value {@link #encode} was given; {@code type} is its class. */
    static SpecificRecord decode(Class<? extends SpecificRecord> type, byte[] bytes) {
        try {
            if (type == KubeEvent.class) {
                return EVENTS.decode(bytes);
            }
            if (type == PodSnapshot.class) {
                return PODS.decode(bytes);
            }
            return NODES.decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a held " + type.getSimpleName(), e);
        }
    }
}
