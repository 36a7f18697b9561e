package dev.incidents.shipper;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodGroupSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.serde.AvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;

/**
 * One producer writes four record types; this picks the project's Avro serializer for the value's class
 * (single-object encoding, or the Confluent wire format when {@code schema.registry.url} is configured).
 */
public final class ValueSerializer implements Serializer<SpecificRecord> {
    private final AvroSerializer<KubeEvent> events = new AvroSerializer<>(KubeEvent.class);
    private final AvroSerializer<PodSnapshot> pods = new AvroSerializer<>(PodSnapshot.class);
    private final AvroSerializer<NodeSnapshot> nodes = new AvroSerializer<>(NodeSnapshot.class);
    private final AvroSerializer<PodGroupSnapshot> podGroups = new AvroSerializer<>(PodGroupSnapshot.class);

    public ValueSerializer(Map<String, ?> config) {
        configure(config, false);
    }

    @Override
    public void configure(Map<String, ?> config, boolean isKey) {
        events.configure(config, isKey);
        pods.configure(config, isKey);
        nodes.configure(config, isKey);
        podGroups.configure(config, isKey);
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord value) {
        if (value == null) {
            return null;
        }
        if (value instanceof KubeEvent event) {
            return events.serialize(topic, event);
        }
        if (value instanceof PodSnapshot pod) {
            return pods.serialize(topic, pod);
        }
        if (value instanceof NodeSnapshot node) {
            return nodes.serialize(topic, node);
        }
        if (value instanceof PodGroupSnapshot group) {
            return podGroups.serialize(topic, group);
        }
        throw new IllegalArgumentException("no serializer for " + value.getClass().getName());
    }

    /**
     * A value of class {@code type} already in single-object encoding ({@code ship --from}'s reader holds values so),
     * as {@link #serialize} would write the value: the same bytes without a registry, the Confluent framing with one.
     */
    public byte[] reframe(String topic, Class<? extends SpecificRecord> type, byte[] singleObject) {
        if (singleObject == null) {
            return null;
        }
        if (type == KubeEvent.class) {
            return events.reframe(topic, singleObject);
        }
        if (type == PodSnapshot.class) {
            return pods.reframe(topic, singleObject);
        }
        if (type == NodeSnapshot.class) {
            return nodes.reframe(topic, singleObject);
        }
        if (type == PodGroupSnapshot.class) {
            return podGroups.reframe(topic, singleObject);
        }
        throw new IllegalArgumentException("no serializer for " + type.getName());
    }

    @Override
    public void close() {
        events.close();
        pods.close();
        nodes.close();
        podGroups.close();
    }
}
