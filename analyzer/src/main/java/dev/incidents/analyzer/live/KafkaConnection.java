package dev.incidents.analyzer.live;

import dev.incidents.schemas.KafkaClientConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where Kafka is and how to talk to it: the options {@code analyze} and {@code tail} share (DESIGN section 7). */
public final class KafkaConnection {
    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT", defaultValue = KafkaClientConfig.DEFAULT_BOOTSTRAP,
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties (TLS, SASL, any client or Streams setting).")
    Path kafkaConfig;

    /** The client settings: the file, then the bootstrap option over it, then the registry when given. */
    public Map<String, Object> clientConfig(String schemaRegistryUrl) {
        return KafkaClientConfig.load(bootstrapServers, kafkaConfig, schemaRegistryUrl);
    }
}
