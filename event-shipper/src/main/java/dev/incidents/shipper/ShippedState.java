package dev.incidents.shipper;

import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was last shipped per key, as a 64-bit fingerprint of the mapped record. The mapped records leave out
 * heartbeats, resourceVersion and managedFields, so a relist, a resync, a {@code 410 Gone} or a kubelet
 * heartbeat yields the same fingerprint and ships nothing; a change of any analysis-relevant field ships.
 * Callers pass records whose observation time is neutralised ({@code observedAt} is when we looked, not what
 * changed). Keys: Pod and Node topic keys, Event uids. Deleted objects are forgotten, so the map is as large as
 * the cluster, not as its history.
 */
public final class ShippedState {
    /** Writers are thread-safe and costly to build (they resolve the schema): one per record class. */
    private static final Map<org.apache.avro.Schema, SpecificDatumWriter<SpecificRecord>> WRITERS = new ConcurrentHashMap<>();

    private final Map<String, Long> fingerprints = new ConcurrentHashMap<>();

    /** Records the fingerprint and returns true when it differs from the last one shipped for {@code key}. */
    public boolean changed(String key, long fingerprint) {
        Long previous = fingerprints.put(key, fingerprint);
        return previous == null || previous != fingerprint;
    }

    public void forget(String key) {
        fingerprints.remove(key);
    }

    public int size() {
        return fingerprints.size();
    }

    /**
     * The fingerprint of what a snapshot says, leaving out {@code observedAt}: that is when we looked, not what
     * changed, and a resync an hour later must compare equal.
     */
    public static long contentFingerprint(org.apache.avro.specific.SpecificRecordBase record) {
        org.apache.avro.Schema.Field observedAt = record.getSchema().getField("observedAt");
        if (observedAt == null) {
            return fingerprint(record);
        }
        Object seen = record.get(observedAt.pos());
        record.put(observedAt.pos(), java.time.Instant.EPOCH);
        try {
            return fingerprint(record);
        } finally {
            record.put(observedAt.pos(), seen);
        }
    }

    /** CRC-64-AVRO of the record's Avro binary encoding. */
    public static long fingerprint(SpecificRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        try {
            WRITERS.computeIfAbsent(record.getSchema(), SpecificDatumWriter::new).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SchemaNormalization.fingerprint64(bytes.toByteArray());
    }
}
