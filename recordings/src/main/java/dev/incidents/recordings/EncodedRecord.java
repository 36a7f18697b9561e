package dev.incidents.recordings;

import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;

/**
 * A record as {@link RecordStream#nextEncoded()} releases it: its value still in the Avro single-object encoding it
 * waited in ({@link CompactValue}), what the project's serializer writes for the mapped value when no schema registry
 * is configured (maps in key order, as the mapping built them). {@code ship --from} sends these bytes instead of
 * decoding the value only to encode it again (issue #12).
 *
 * @param type  the value's class ({@code KubeEvent}, {@code PodSnapshot} or {@code NodeSnapshot}); null for a tombstone
 * @param value the value's single-object encoding; null for a tombstone
 * @see Recorded the other components, and the record decoded
 */
public record EncodedRecord(Instant time, Recorded.Kind kind, String key, Class<? extends SpecificRecord> type,
                            byte[] value, String file, long line) {
    public boolean isTombstone() {
        return value == null;
    }

    /** This record with its value decoded, as {@link RecordStream#next()} gives it. */
    public Recorded decoded() {
        return new Recorded(time, kind, key, value == null ? null : CompactValue.decode(type, value), file, line);
    }

    /** {@code record} with its value encoded. */
    static EncodedRecord of(Recorded record) {
        SpecificRecord value = record.value();
        return new EncodedRecord(record.time(), record.kind(), record.key(), value == null ? null : value.getClass(),
                value == null ? null : CompactValue.encode(value), record.file(), record.line());
    }
}
