package dev.incidents.shipper;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.incidents.schemas.KafkaClientConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The producer configuration: safe defaults first, then every property of {@code --kafka-config} (TLS, SASL,
 * tuning) on top, then the flags. The defaults are the ones a shipper that must "never lose a failure signal"
 * needs: idempotence with {@code acks=all} (no duplicates from retries, no loss on leader change), retries
 * bounded only by {@code delivery.timeout.ms}, a bounded buffer so an outage cannot grow the heap.
 */
public final class ProducerSettings {
    /** Serdes read it: absent or blank means Avro single-object encoding, else Confluent wire format. */
    public static final String SCHEMA_REGISTRY_URL = KafkaClientConfig.SCHEMA_REGISTRY_URL;

    private ProducerSettings() {
    }

    public static Map<String, Object> of(String bootstrapServers, Path kafkaConfig, String schemaRegistryUrl, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        // 32 MiB of buffered records (tens of thousands of snapshots) rides out a broker restart; when full,
        // send() blocks up to max.block.ms, which backs up the queue and then the informers: memory stays bounded.
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 32L * 1024 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, WorkloadPartitioner.class.getName());
        // The common options (--bootstrap-server, --kafka-config, --schema-registry) win over the defaults above.
        config.putAll(KafkaClientConfig.load(bootstrapServers, kafkaConfig, schemaRegistryUrl));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }
}
