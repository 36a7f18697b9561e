package dev.incidents.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Avro single-object encoding (Avro specification, "Single object encoding"): the marker {@code C3 01},
 * the 8-byte little-endian CRC-64-AVRO fingerprint of the writer schema's Parsing Canonical Form, then the
 * Avro binary body. The embedded default: it needs no registry, the reader only has to know the schema.
 */
public final class SingleObjectEncoding {
    public static final byte MARKER_0 = (byte) 0xC3;
    public static final byte MARKER_1 = (byte) 0x01;
    public static final int HEADER_LENGTH = 10;

    private SingleObjectEncoding() {
    }

    /** The fingerprint the header carries: CRC-64-AVRO of the schema's Parsing Canonical Form (docs and props ignored). */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    public static byte[] header(Schema schema) {
        return ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN)
                .put(MARKER_0).put(MARKER_1).putLong(fingerprint(schema)).array();
    }

    /** The fingerprint in a header; the caller has checked the marker and the length. */
    static long fingerprintIn(byte[] data) {
        return ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
