package dev.incidents.schemas.serde;

import dev.incidents.schemas.registry.RegistrySettings;
import dev.incidents.schemas.registry.SchemaRegistryClient;
import dev.incidents.schemas.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Writes one generated Avro record type. Without {@code schema.registry.url} (the default, also when never
 * configured) it writes Avro single-object encoding; with it, Confluent's wire format under the subject
 * {@code <topic>-value} ({@code -key} for keys), registering the schema on first use. A null record is
 * written as null, so tombstones pass through.
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {
    /**
     * One output buffer and encoder per thread, reused: a new encoder allocates a 2 KB buffer, and a snapshot regrew
     * a fresh 256-byte stream three times, for every record (a producer's caller thread and each stream thread).
     */
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    private static final class Buffer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        BinaryEncoder encoder;
    }

    private final Class<T> type;
    private final Schema schema;
    private final SpecificDatumWriter<T> writer;
    private final byte[] singleObjectHeader;
    private final ConcurrentMap<String, byte[]> confluentHeaderBySubject = new ConcurrentHashMap<>();
    private volatile SchemaRegistryClient registry;
    private volatile boolean isKey;

    public AvroSerializer(Class<T> type) {
        this.type = type;
        SpecificData model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema, model);
        this.singleObjectHeader = SingleObjectEncoding.header(schema);
    }

    /** A serializer writing Confluent's wire format through {@code registry}. */
    public AvroSerializer(Class<T> type, SchemaRegistryClient registry, boolean isKey) {
        this(type);
        useRegistry(registry, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        useRegistry(RegistrySettings.fromConfig(configs).map(SchemaRegistryClient::new).orElse(null), isKey);
    }

    void useRegistry(SchemaRegistryClient registry, boolean isKey) {
        this.registry = registry;
        this.isKey = isKey;
        confluentHeaderBySubject.clear();
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        byte[] header = registry == null ? singleObjectHeader : confluentHeader(topic);
        Buffer buffer = BUFFERS.get();
        ByteArrayOutputStream out = buffer.out;
        out.reset();
        out.writeBytes(header);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, buffer.encoder);
        buffer.encoder = encoder;
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            BUFFERS.remove(); // the encoder may hold part of the failed record
            // Avro reports a missing required field as a NullPointerException naming the field.
            throw new SerializationException("cannot write " + type.getSimpleName() + " for topic " + topic
                    + ": " + e.getMessage(), e);
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length > MAX_KEPT_BUFFER) {
            BUFFERS.remove(); // one huge record should not pin its buffer to the thread
        }
        return bytes;
    }

    /**
     * A record of this type already in single-object encoding ({@code ship --from} reads its values so), framed as
     * {@link #serialize} frames the record: as it is without a registry; with one, its body under the Confluent
     * header instead (the Avro binary is the same). Bytes of another schema, or no single-object encoding at all, are
     * a {@link SerializationException}, as a record this serializer cannot write is.
     */
    public byte[] reframe(String topic, byte[] singleObject) {
        if (singleObject == null) {
            return null;
        }
        int header = SingleObjectEncoding.HEADER_LENGTH;
        if (singleObject.length < header || !Arrays.equals(singleObject, 0, header, singleObjectHeader, 0, header)) {
            throw new SerializationException("cannot write the given bytes as " + type.getSimpleName() + " for topic "
                    + topic + ": not its single-object encoding");
        }
        if (registry == null) {
            return singleObject;
        }
        byte[] confluent = confluentHeader(topic);
        byte[] framed = Arrays.copyOf(confluent, confluent.length + singleObject.length - header);
        System.arraycopy(singleObject, header, framed, confluent.length, singleObject.length - header);
        return framed;
    }

    private byte[] confluentHeader(String topic) {
        if (topic == null) {
            throw new SerializationException("cannot write " + type.getSimpleName()
                    + " in Confluent wire format without a topic: the subject is <topic>-value");
        }
        String subject = ConfluentWireFormat.subject(topic, isKey);
        byte[] cached = confluentHeaderBySubject.get(subject);
        if (cached != null) {
            return cached;
        }
        try {
            byte[] header = ConfluentWireFormat.header(registry.register(subject, schema));
            confluentHeaderBySubject.put(subject, header);
            return header;
        } catch (SchemaRegistryException e) {
            throw new SerializationException("cannot register the " + type.getSimpleName() + " schema under subject "
                    + subject + ": " + e.getMessage(), e);
        }
    }
}
