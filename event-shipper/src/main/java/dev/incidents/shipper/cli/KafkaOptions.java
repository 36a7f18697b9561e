package dev.incidents.shipper.cli;

import dev.incidents.shipper.ProducerSettings;
import dev.incidents.shipper.TopicNames;
import dev.incidents.schemas.Topics;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** The Kafka-side options of DESIGN section 7, and the input topic names. */
public final class KafkaOptions {
    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9092", description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})")
    String bootstrapServer;

    @Option(names = "--kafka-config", paramLabel = "FILE", description = "Kafka client properties file (TLS, SASL, any producer property)")
    Path kafkaConfig;

    @Option(names = "--schema-registry", paramLabel = "URL", description = "schema registry URL: Confluent wire format (default: Avro single-object encoding, no registry)")
    String schemaRegistry;

    @Option(names = "--events-topic", paramLabel = "TOPIC", defaultValue = Topics.EVENTS, description = "default: ${DEFAULT-VALUE}")
    String eventsTopic;

    @Option(names = "--pods-topic", paramLabel = "TOPIC", defaultValue = Topics.PODS, description = "default: ${DEFAULT-VALUE}")
    String podsTopic;

    @Option(names = "--nodes-topic", paramLabel = "TOPIC", defaultValue = Topics.NODES, description = "default: ${DEFAULT-VALUE}")
    String nodesTopic;

    @Option(names = "--podgroups-topic", paramLabel = "TOPIC", defaultValue = Topics.PODGROUPS, description = "gang objects (Volcano and coscheduling PodGroups, Kueue Workloads; default: ${DEFAULT-VALUE})")
    String podGroupsTopic;

    Map<String, Object> producer(String clientId) {
        return ProducerSettings.of(bootstrapServer, kafkaConfig, schemaRegistry, clientId);
    }

    TopicNames topics() {
        return new TopicNames(eventsTopic, podsTopic, nodesTopic, podGroupsTopic);
    }
}
