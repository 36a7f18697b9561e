package dev.incidents.schemas;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Kafka client configuration every verb builds from the common options of DESIGN.md section 7:
 * {@code --bootstrap-server}, {@code --kafka-config FILE} (any client property: TLS, SASL, ...) and
 * {@code --schema-registry URL}. Explicit options win over the file, so a shared config file can hold the
 * security settings while the command line picks the cluster.
 */
public final class KafkaClientConfig {
    /** The serde setting that switches from single-object encoding to the Confluent wire format. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

    private KafkaClientConfig() {
    }

    public static Map<String, Object> load(String bootstrapServers, Path configFile, String schemaRegistryUrl) {
        Map<String, Object> config = new TreeMap<>(read(configFile));
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            config.put("bootstrap.servers", bootstrapServers);
        }
        config.putIfAbsent("bootstrap.servers", DEFAULT_BOOTSTRAP);
        if (schemaRegistryUrl != null && !schemaRegistryUrl.isBlank()) {
            config.put(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        }
        return config;
    }

    /** A properties file as a map (empty for {@code null}); an unreadable file is an error, never an empty map. */
    public static Map<String, Object> read(Path file) {
        Map<String, Object> values = new TreeMap<>();
        if (file == null) {
            return values;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no such file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
