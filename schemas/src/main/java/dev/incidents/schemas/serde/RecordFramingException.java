package dev.incidents.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's bytes could not be turned into a record. {@link #reason()} says why in a machine-readable way,
 * so a pipeline can route the record to its dead-letter topic with that reason instead of stopping.
 */
public class RecordFramingException extends SerializationException {

    public enum Reason {
        /** The first byte is neither Confluent's {@code 00} nor single-object's {@code C3 01}: not our Avro (JSON, text, another serde). */
        UNKNOWN_MAGIC,
        /** Empty, or shorter than the header its first bytes announce. */
        TRUNCATED,
        /** Single-object encoding with a writer-schema fingerprint this reader does not know. */
        UNKNOWN_FINGERPRINT,
        /** Confluent framing with a schema id the registry does not know, or no registry configured to ask. */
        UNKNOWN_SCHEMA_ID,
        /** The writer schema is known but cannot be read as this record type (another record, an incompatible change). */
        INCOMPATIBLE_SCHEMA,
        /** The header is fine but the Avro body does not decode against the writer schema. */
        CORRUPT_BODY,
        /** The schema registry could not be asked (down, refused our credentials): transient, not the record's fault. */
        REGISTRY_UNAVAILABLE
    }

    private final Reason reason;

    public RecordFramingException(Reason reason, String message) {
        this(reason, message, null);
    }

    public RecordFramingException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
