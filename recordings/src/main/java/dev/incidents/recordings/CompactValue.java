package dev.incidents.recordings;

import dev.incidents.schemas.serde.SingleObjectEncoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
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
 * byte at a time, a third of the window's cost. The analyzer's signal frames carry their record in the same encoding
 * and use the same codec ({@link #encodeTo}, {@link #decodeOwn}).
 */
public final class CompactValue {
    /** Each value class's codec, made on first use: any generated record type the reader maps can wait in a window. */
    private static final ClassValue<Codec> CODECS = new ClassValue<>() {
        @Override
        protected Codec computeValue(Class<?> type) {
            return new Codec(type);
        }
    };
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private CompactValue() {
    }

    private static final class Buffers {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        BinaryEncoder encoder;
        BinaryDecoder decoder;
    }

    /** One class's schema fingerprint header, writer and reader (both safe to share between threads). */
    private static final class Codec {
        final byte[] header;
        final SpecificDatumWriter<Object> writer;
        final SpecificDatumReader<Object> reader;

        Codec(Class<?> type) {
            SpecificData model = SpecificData.getForClass(type);
            Schema schema = model.getSchema(type);
            writer = new NullableFirstWriter(schema, model);
            reader = new SpecificDatumReader<>(schema, schema, model);
            header = SingleObjectEncoding.header(schema);
        }

        byte[] encode(Object value) throws IOException {
            Buffers buffers = BUFFERS.get();
            buffers.out.reset();
            buffers.out.writeBytes(header);
            buffers.encoder = EncoderFactory.get().binaryEncoder(buffers.out, buffers.encoder);
            writer.write(value, buffers.encoder);
            buffers.encoder.flush();
            return buffers.out.toByteArray();
        }

        void encodeTo(Object value, ByteArrayOutputStream out) throws IOException {
            Buffers buffers = BUFFERS.get();
            out.writeBytes(header);
            buffers.encoder = EncoderFactory.get().binaryEncoder(out, buffers.encoder);
            writer.write(value, buffers.encoder);
            buffers.encoder.flush();
        }

        SpecificRecord decode(byte[] bytes) throws IOException {
            return decode(bytes, 0);
        }

        /** The value whose header starts at {@code offset} and whose body runs to the end of {@code bytes}. */
        SpecificRecord decode(byte[] bytes, int offset) throws IOException {
            Buffers buffers = BUFFERS.get();
            int body = offset + SingleObjectEncoding.HEADER_LENGTH;
            buffers.decoder = DecoderFactory.get().binaryDecoder(bytes, body, bytes.length - body, buffers.decoder);
            return (SpecificRecord) reader.read(null, buffers.decoder);
        }

        boolean ownHeaderAt(byte[] bytes, int offset) {
            return bytes.length - offset >= header.length
                    && Arrays.equals(bytes, offset, offset + header.length, header, 0, header.length);
        }
    }

    /**
     * Every optional field of the schemas is a {@code ["null", T]} union: its branch is told by the value being null,
     * without Avro's look-up of the value's schema name in the union (a quarter of the time of writing a record).
     * Values come from the typed builders, so a non-null one is a {@code T}.
     */
    private static final class NullableFirstWriter extends SpecificDatumWriter<Object> {
        NullableFirstWriter(Schema schema, SpecificData model) {
            super(schema, model);
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
            return CODECS.get(value.getClass()).encode(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a " + value.getSchema().getName(), e);
        }
    }

    /** Appends {@code value} in single-object encoding to {@code out}: the bytes {@link #encode} returns. */
    public static void encodeTo(SpecificRecord value, ByteArrayOutputStream out) {
        try {
            CODECS.get(value.getClass()).encodeTo(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a " + value.getSchema().getName(), e);
        }
    }

    /**
     * The {@code type} value encoded from {@code offset} to the end of {@code bytes}, or null when its header names
     * another schema (another version's writer: the caller's own codec resolves or refuses it).
     */
    public static <T extends SpecificRecord> T decodeOwn(Class<T> type, byte[] bytes, int offset) throws IOException {
        Codec codec = CODECS.get(type);
        return codec.ownHeaderAt(bytes, offset) ? type.cast(codec.decode(bytes, offset)) : null;
    }

    /** The value {@link #encode} was given; {@code type} is its class. */
    static SpecificRecord decode(Class<? extends SpecificRecord> type, byte[] bytes) {
        try {
            return CODECS.get(type).decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a held " + type.getSimpleName(), e);
        }
    }
}
