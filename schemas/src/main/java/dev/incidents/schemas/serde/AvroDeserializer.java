package dev.incidents.schemas.serde;

import dev.incidents.schemas.registry.RegistrySettings;
import dev.incidents.schemas.registry.SchemaRegistryClient;
import dev.incidents.schemas.registry.SchemaRegistryException;
import dev.incidents.schemas.serde.RecordFramingException.Reason;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.FastReaderBuilder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Reads one generated Avro record type from either framing, told apart by the first bytes: {@code C3 01}
 * (single-object encoding, writer schema found by fingerprint) or {@code 00} (Confluent wire format, writer
 * schema fetched from the registry by id, cached). The record is read with Avro schema resolution from the
 * writer schema to this class's schema, so a field added with a default, or removed, does not break a reader.
 * Anything else is a {@link RecordFramingException} with a {@link Reason}. Null bytes are a null record
 * (a tombstone).
 *
 * <p>Single-object fingerprints known: the class's own schema, plus whatever the {@link SchemaStore} given at
 * construction knows (add older or newer writer schemas there). A reader can only resolve a schema it knows;
 * that is why the registry framing exists.
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private final Class<T> type;
    private final SpecificData model;
    private final Schema readerSchema;
    private final long readerFingerprint;
    private final SchemaStore writerSchemas;
    private final ConcurrentMap<Schema, DatumReader<T>> readersByWriterSchema = new ConcurrentHashMap<>();
    private volatile SchemaRegistryClient registry;
    private volatile Duration registryRetry = Duration.ZERO;

    /**
     * How long a schema look-up retries while the registry is down (ISO-8601 duration; default {@code PT0S}, fail at
     * once). A reader that would rather wait than fail sets it: {@code analyze} does (AnalyzerService), so a registry
     * outage holds its stream thread instead of failing it.
     */
    public static final String REGISTRY_RETRY_TIMEOUT = "incidents.registry.retry.timeout";
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(AvroDeserializer.class);

    public AvroDeserializer(Class<T> type) {
        this(type, new SchemaStore.Cache());
    }

    /** @param writerSchemas writer schemas other than the class's own, found by single-object fingerprint */
    public AvroDeserializer(Class<T> type, SchemaStore writerSchemas) {
        this.type = type;
        this.model = readModel(type);
        this.readerSchema = model.getSchema(type);
        this.readerFingerprint = SingleObjectEncoding.fingerprint(readerSchema);
        this.writerSchemas = writerSchemas;
    }

    /** A deserializer that also reads Confluent's wire format, fetching writer schemas from {@code registry}. */
    public AvroDeserializer(Class<T> type, SchemaRegistryClient registry) {
        this(type);
        useRegistry(registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        useRegistry(RegistrySettings.fromConfig(configs).map(SchemaRegistryClient::new).orElse(null));
        retryRegistryFor(registryRetry(configs));
    }

    /** {@value #REGISTRY_RETRY_TIMEOUT} of a client config map, zero when absent. */
    static Duration registryRetry(Map<String, ?> configs) {
        Object retry = configs == null ? null : configs.get(REGISTRY_RETRY_TIMEOUT);
        return retry == null || retry.toString().isBlank() ? Duration.ZERO : Duration.parse(retry.toString().trim());
    }

    /** How long one schema look-up may retry while the registry is unreachable or failing (5xx); then it fails. */
    void retryRegistryFor(Duration timeout) {
        this.registryRetry = timeout;
    }

    void useRegistry(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length == 0) {
            throw new RecordFramingException(Reason.TRUNCATED, "empty value on topic " + topic
                    + " (a tombstone is null, not zero bytes)");
        }
        if (data[0] == SingleObjectEncoding.MARKER_0 && (data.length == 1 || data[1] == SingleObjectEncoding.MARKER_1)) {
            if (data.length < SingleObjectEncoding.HEADER_LENGTH) {
                throw truncated(topic, data, "single-object", SingleObjectEncoding.HEADER_LENGTH);
            }
            Schema writer = singleObjectWriter(topic, SingleObjectEncoding.fingerprintIn(data));
            return read(topic, data, SingleObjectEncoding.HEADER_LENGTH, writer);
        }
        if (data[0] == ConfluentWireFormat.MAGIC) {
            if (data.length < ConfluentWireFormat.HEADER_LENGTH) {
                throw truncated(topic, data, "Confluent", ConfluentWireFormat.HEADER_LENGTH);
            }
            Schema writer = confluentWriter(topic, ConfluentWireFormat.schemaIdIn(data));
            return read(topic, data, ConfluentWireFormat.HEADER_LENGTH, writer);
        }
        throw new RecordFramingException(Reason.UNKNOWN_MAGIC, "value on topic " + topic + " starts with "
                + HEX.formatHex(data, 0, Math.min(data.length, 4))
                + ", neither Avro single-object encoding (c3 01) nor Confluent wire format (00)");
    }

    private Schema singleObjectWriter(String topic, long fingerprint) {
        if (fingerprint == readerFingerprint) {
            return readerSchema;
        }
        Schema writer;
        try {
            writer = writerSchemas.findByFingerprint(fingerprint);
        } catch (RuntimeException e) {
            writer = null;
        }
        if (writer == null) {
            throw new RecordFramingException(Reason.UNKNOWN_FINGERPRINT, "value on topic " + topic
                    + " was written with a schema of fingerprint " + Long.toHexString(fingerprint)
                    + " that this " + type.getSimpleName() + " reader (fingerprint "
                    + Long.toHexString(readerFingerprint) + ") does not know");
        }
        return writer;
    }

    private Schema confluentWriter(String topic, int schemaId) {
        SchemaRegistryClient client = registry;
        if (client == null) {
            throw new RecordFramingException(Reason.UNKNOWN_SCHEMA_ID, "value on topic " + topic
                    + " is in Confluent wire format (schema id " + schemaId
                    + ") but no " + RegistrySettings.SCHEMA_REGISTRY_URL + " is configured to resolve it");
        }
        long deadline = System.nanoTime() + registryRetry.toNanos();
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                return client.byId(schemaId);
            } catch (SchemaRegistryException e) {
                boolean unknownId = e.isNotFound() || e.status() / 100 == 2;
                if (unknownId || System.nanoTime() + backoff.toNanos() > deadline) {
                    throw new RecordFramingException(unknownId ? Reason.UNKNOWN_SCHEMA_ID : Reason.REGISTRY_UNAVAILABLE,
                            "value on topic " + topic + " names schema id " + schemaId + ": " + e.getMessage(), e);
                }
                if (backoff.equals(FIRST_BACKOFF)) {
                    LOG.warn("schema registry unavailable for schema id {} (topic {}); retrying for up to {}: {}",
                            schemaId, topic, registryRetry, e.getMessage());
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordFramingException(Reason.REGISTRY_UNAVAILABLE, "interrupted while waiting for the schema registry");
        }
    }

    private T read(String topic, byte[] data, int offset, Schema writer) {
        DatumReader<T> reader = readersByWriterSchema.get(writer);
        if (reader == null) {
            reader = resolvingReader(topic, writer);
        }
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, offset, data.length - offset, null);
        T record;
        try {
            record = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new RecordFramingException(Reason.CORRUPT_BODY, "value on topic " + topic
                        + " has bytes left over after a complete " + type.getSimpleName());
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RecordFramingException framing) {
                throw framing;
            }
            // EOFException for a cut body, AvroRuntimeException/SystemLimitException for garbage lengths and indexes.
            throw new RecordFramingException(Reason.CORRUPT_BODY, "value on topic " + topic + " does not decode as "
                    + writer.getFullName() + ": " + e, e);
        }
        return record;
    }

    private DatumReader<T> resolvingReader(String topic, Schema writer) {
        SchemaPairCompatibility compatibility = SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer);
        if (compatibility.getType() != SchemaCompatibilityType.COMPATIBLE) {
            throw new RecordFramingException(Reason.INCOMPATIBLE_SCHEMA, "value on topic " + topic + " was written as "
                    + writer.getFullName() + " and cannot be read as " + readerSchema.getFullName() + ": "
                    + compatibility.getDescription());
        }
        DatumReader<T> reader;
        try {
            // Avro's fast reader (a reader built once per schema pair) takes only GenericData or SpecificData itself
            // by default: a model of our own has to ask for it
            reader = new FastReaderBuilder(model).createDatumReader(writer, readerSchema);
        } catch (IOException | RuntimeException e) {
            reader = new SpecificDatumReader<>(writer, readerSchema, model);
        }
        DatumReader<T> winner = readersByWriterSchema.putIfAbsent(writer, reader);
        return winner != null ? winner : reader;
    }

    /**
     * The class's model (its logical-type conversions) with one change: arrays are read into {@link ArrayList}s
     * instead of Avro's {@code GenericData.Array}. The generated {@code equals} of a record delegates to its
     * lists' equals, and {@code GenericData.Array.equals} compares with {@code GenericData.get()}, which has no
     * conversions: it throws "Unknown datum type java.time.Instant" on a list of Conditions that carry a
     * lastTransitionTime (Avro 1.12.1). Both Avro readers, the default fast one included, call
     * {@code GenericData#newArray}.
     */
    private static SpecificData readModel(Class<?> type) {
        SpecificData model = new SpecificData(type.getClassLoader()) {
            @Override
            public Object newArray(Object old, int size, Schema schema) {
                return new ArrayList<>(size);
            }

            /*
             * The fast reader fills a list it finds in a new record's field and makes a GenericData.Array where it
             * finds none: each new record starts with an empty ArrayList in every array field.
             */
            @Override
            public InstanceSupplier getNewRecordSupplier(Schema schema) {
                InstanceSupplier record = super.getNewRecordSupplier(schema);
                int[] arrays = schema.getFields().stream().filter(f -> holdsArray(f.schema()))
                        .mapToInt(Schema.Field::pos).toArray();
                if (arrays.length == 0) {
                    return record;
                }
                return (old, s) -> {
                    Object made = record.newInstance(old, s);
                    if (made instanceof IndexedRecord r) {
                        for (int pos : arrays) {
                            if (r.get(pos) == null) {
                                r.put(pos, new ArrayList<>());
                            }
                        }
                    }
                    return made;
                };
            }
        };
        SpecificData.getForClass(type).getConversions().forEach(model::addLogicalTypeConversion);
        return model;
    }

    private static boolean holdsArray(Schema schema) {
        return schema.getType() == Schema.Type.ARRAY || schema.getType() == Schema.Type.UNION
                && schema.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.ARRAY);
    }

    private static RecordFramingException truncated(String topic, byte[] data, String framing, int headerLength) {
        return new RecordFramingException(Reason.TRUNCATED, "value on topic " + topic + " starts like " + framing
                + " framing (" + HEX.formatHex(data) + ") but has " + data.length + " bytes, fewer than the "
                + headerLength + "-byte header");
    }
}
