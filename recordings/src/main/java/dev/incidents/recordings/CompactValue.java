package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodGroupSnapshot;
import dev.incidents.schemas.PodSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.specific.SpecificRecord;

/**
 * A mapped record's value as its Avro binary while it waits in a {@link ReorderWindow}: ten thousand records per file
 * wait there, and as objects (a Node is ~60 small objects: labels, conditions, quantities) they made up most of a
 * replay's live heap and of every young collection's copying; as one byte array each they are a third of the size and
 * nothing for the collector to trace. Encoded with each class's own model, so logical types (timestamps) round-trip.
 */
final class CompactValue {
    private CompactValue() {
    }

    static byte[] encode(SpecificRecord value) {
        try {
            ByteBuffer buffer;
            if (value instanceof KubeEvent e) {
                buffer = KubeEvent.getEncoder().encode(e);
            } else if (value instanceof PodSnapshot p) {
                buffer = PodSnapshot.getEncoder().encode(p);
            } else if (value instanceof NodeSnapshot n) {
                buffer = NodeSnapshot.getEncoder().encode(n);
            } else if (value instanceof PodGroupSnapshot g) {
                buffer = PodGroupSnapshot.getEncoder().encode(g);
            } else {
                throw new IllegalArgumentException("not a recorded kind: " + value.getClass().getName());
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a " + value.getSchema().getName(), e);
        }
    }

    /** The value {@link #encode} was given; {@code type} is its class. */
    static SpecificRecord decode(Class<? extends SpecificRecord> type, byte[] bytes) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            if (type == KubeEvent.class) {
                return KubeEvent.getDecoder().decode(buffer);
            }
            if (type == PodSnapshot.class) {
                return PodSnapshot.getDecoder().decode(buffer);
            }
            if (type == PodGroupSnapshot.class) {
                return PodGroupSnapshot.getDecoder().decode(buffer);
            }
            return NodeSnapshot.getDecoder().decode(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a held " + type.getSimpleName(), e);
        }
    }
}
