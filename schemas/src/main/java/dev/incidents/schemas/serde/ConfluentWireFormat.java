package dev.incidents.schemas.serde;

import java.nio.ByteBuffer;

/**
 * Confluent's wire format: magic byte {@code 0}, the 4-byte big-endian global schema id the registry gave
 * the writer schema, then the Avro binary body. Used when {@code schema.registry.url} is configured, so
 * records interoperate with Confluent's serdes, ksqlDB, Connect and kcat {@code -s avro}.
 */
public final class ConfluentWireFormat {
    public static final byte MAGIC = 0;
    public static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC).putInt(schemaId).array();
    }

    /** The schema id in a header; the caller has checked the magic byte and the length. */
    static int schemaIdIn(byte[] data) {
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }

    /** TopicNameStrategy: {@code <topic>-value}, or {@code <topic>-key} for keys. */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
