package dev.incidents.shipper;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The producer configuration: safe defaults first, then every property of {@code --kafka-config} (TLS, SASL,
 * tuning) on top, then the flags. The defaults are the ones a shipper that must "never lose a failure signal"
 * needs: idempotence with {@code acks=all} (no duplicates from retries, no loss on leader change), retries
 * bounded only by {@code delivery.timeout.ms}, a bounded buffer so an outage cannot grow the heap.
 */
public final class ProducerSettings {
    /** Serdes read it: absent or blank means Avro single-object encoding, else Confluent wire format. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

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
        if (kafkaConfig != null) {
            load(kafkaConfig).forEach((k, v) -> config.put(k.toString(), v));
        }
        if (bootstrapServers != null) {
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        config.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        if (schemaRegistryUrl != null && !schemaRegistryUrl.isBlank()) {
            config.put(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        }
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --kafka-config " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }
}
