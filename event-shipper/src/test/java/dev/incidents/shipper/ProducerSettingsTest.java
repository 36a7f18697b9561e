package dev.incidents.shipper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ProducerSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void safeDefaultsWithoutAConfigFile() {
        Map<String, Object> config = ProducerSettings.of(null, null, null, "shipper-test");

        assertThat(config).contains(entry("enable.idempotence", true), entry("acks", "all"), entry("compression.type", "lz4"),
                entry("bootstrap.servers", "127.0.0.1:9092"), entry("delivery.timeout.ms", 120_000));
        assertThat(config).doesNotContainKey(ProducerSettings.SCHEMA_REGISTRY_URL);
    }

    @Test
    void kafkaConfigFileOverridesDefaultsAndFlagsOverrideTheFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("client.properties"), """
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                compression.type=zstd
                bootstrap.servers=kafka-from-file:9093
                """);

        Map<String, Object> config = ProducerSettings.of("broker-from-flag:9092", file, "http://registry:8081", "shipper-test");

        assertThat(config).contains(entry("security.protocol", "SASL_SSL"), entry("sasl.mechanism", "SCRAM-SHA-512"),
                entry("compression.type", "zstd"), entry("bootstrap.servers", "broker-from-flag:9092"),
                entry(ProducerSettings.SCHEMA_REGISTRY_URL, "http://registry:8081"), entry("acks", "all"));
    }
}
