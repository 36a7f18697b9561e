package dev.incidents.schemas.serde;

import dev.incidents.schemas.registry.RegistrySettings;
import dev.incidents.schemas.registry.SchemaRegistryClient;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

import java.util.Map;

/**
 * The serde of one generated Avro record type, for plain clients and Kafka Streams:
 * {@code AvroSerde.of(KubeEvent.class, clientConfig)}. Works unconfigured (single-object encoding),
 * which matters because Kafka Streams does not call {@code configure} on serde instances passed to
 * {@code Consumed.with}/{@code Produced.with}. The serializer and the deserializer share one registry client.
 */
public class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    public AvroSerde(Class<T> type) {
        this(type, new SchemaStore.Cache());
    }

    /** @param writerSchemas single-object writer schemas the deserializer knows besides the class's own */
    public AvroSerde(Class<T> type, SchemaStore writerSchemas) {
        this.serializer = new AvroSerializer<>(type);
        this.deserializer = new AvroDeserializer<>(type, writerSchemas);
    }

    /** A value serde configured from a Kafka client config map ({@code schema.registry.url} and friends). */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, Map<String, ?> config) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(config, false);
        return serde;
    }

    /** A key serde configured from a Kafka client config map (subject {@code <topic>-key}). */
    public static <T extends SpecificRecord> AvroSerde<T> ofKey(Class<T> type, Map<String, ?> config) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(config, true);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SchemaRegistryClient registry = RegistrySettings.fromConfig(configs).map(SchemaRegistryClient::new).orElse(null);
        serializer.useRegistry(registry, isKey);
        deserializer.useRegistry(registry);
        deserializer.retryRegistryFor(AvroDeserializer.registryRetry(configs));
    }

    @Override
    public AvroSerializer<T> serializer() {
        return serializer;
    }

    @Override
    public AvroDeserializer<T> deserializer() {
        return deserializer;
    }
}
