package dev.incidents.analyzer.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidents.analyzer.InvalidInputException;
import dev.incidents.kafka.testing.FreePorts;
import dev.incidents.kafka.testing.KafkaBrokerExtension;
import dev.incidents.schemas.KafkaClientConfig;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.ObjectRef;
import dev.incidents.schemas.Topics;
import dev.incidents.schemas.registry.InProcessSchemaRegistry;
import dev.incidents.schemas.serde.AvroSerde;
import dev.incidents.schemas.serde.ConfluentWireFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The DLQ with a schema registry, on a real broker: {@code analyze --schema-registry} reads an event in Confluent
 * wire format that decodes but is invalid, and one whose schema id the registry does not know. Both dead letters
 * carry the producer's bytes and Kafka Streams' DLQ headers, and nothing is registered under the DLQ's subject
 * (re-encoding would have put every input type under {@code k8s.incidents.dlq-value}).
 * <p>
 * The registry is the project's in-process one (Confluent REST API): Apicurio Registry, which serves that API too,
 * is published on Maven Central only as the classes of a Quarkus application, not as a runnable server (see README).
 */
@ExtendWith(KafkaBrokerExtension.class)
class DeadLetterRegistryIT {
    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    static final String DLQ_SUBJECT = Topics.INCIDENTS_DLQ + "-value";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    @Test
    void invalid_and_undecodable_records_reach_the_dlq_as_produced_and_register_no_dlq_subject() throws Exception {
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        int httpPort = FreePorts.one();
        try (InProcessSchemaRegistry registry = InProcessSchemaRegistry.start()) {
            AnalyzeCommand analyze = new AnalyzeCommand();
            StringWriter analyzeErr = new StringWriter();
            CommandLine cli = new CommandLine(analyze);
            cli.setErr(new PrintWriter(analyzeErr, true));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(
                    "--bootstrap-server", bootstrap, "--schema-registry", registry.url().toString(),
                    "--application-id", "dead-letter-registry-it", "--state-dir", temp.resolve("state").toString(),
                    "--http-bind", "127.0.0.1", "--http-port", String.valueOf(httpPort), "--partitions", "1"));
            try {
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                        .until(() -> metrics(httpPort).statusCode() == 200);

                byte[] invalidKey = utf8("test/inference/Pod/");
                byte[] invalid = AvroSerde.of(KubeEvent.class, Map.of(KafkaClientConfig.SCHEMA_REGISTRY_URL,
                        registry.url().toString())).serializer().serialize(Topics.EVENTS, namelessEvent());
                assertThat(invalid[0]).as("Confluent wire format").isEqualTo(ConfluentWireFormat.MAGIC);
                byte[] unknownKey = utf8("test/inference/Pod/triton-0");
                byte[] unknownSchema = {ConfluentWireFormat.MAGIC, 0, 0, 0x27, 0x0f, 2, 4, 6};   // schema id 9999
                try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
                    producer.send(new ProducerRecord<>(Topics.EVENTS, 0, invalidKey, invalid)).get();
                    producer.send(new ProducerRecord<>(Topics.EVENTS, 0, unknownKey, unknownSchema)).get();
                }

                List<ConsumerRecord<byte[], byte[]>> dead = readDeadLetters(bootstrap, 2);
                dead.sort(Comparator.comparingLong(r -> Long.parseLong(header(r, "__streams.errors.offset"))));
                ConsumerRecord<byte[], byte[]> invalidDead = dead.get(0);
                ConsumerRecord<byte[], byte[]> undecodableDead = dead.get(1);

                assertThat(invalidDead.key()).isEqualTo(invalidKey);
                assertThat(invalidDead.value()).as("the producer's bytes, not a re-encoding").isEqualTo(invalid);
                assertThat(header(invalidDead, "__streams.errors.exception")).isEqualTo(InvalidInputException.class.getName());
                assertThat(header(invalidDead, "__streams.errors.message")).isEqualTo("event's involvedObject has no kind or name");
                assertThat(header(invalidDead, "__streams.errors.topic")).isEqualTo(Topics.EVENTS);
                assertThat(header(invalidDead, "__streams.errors.partition")).isEqualTo("0");

                assertThat(undecodableDead.key()).isEqualTo(unknownKey);
                assertThat(undecodableDead.value()).isEqualTo(unknownSchema);
                assertThat(header(undecodableDead, "__streams.errors.message")).contains("schema id 9999");
                assertThat(header(undecodableDead, "__streams.errors.topic")).isEqualTo(Topics.EVENTS);
                assertThat(headerNames(undecodableDead)).as("one DLQ, one layout").isEqualTo(headerNames(invalidDead));

                assertThat(registry.subjects()).contains(Topics.EVENTS + "-value").doesNotContain(DLQ_SUBJECT);
                assertThat(metrics(httpPort).body()).contains("incidents_dlq_records_total{input=\"events\"} 1.0");
            } finally {
                analyze.stop();
                assertThat(exit.get()).as("analyze exit status; stderr:\n%s", analyzeErr).isZero();
            }
        }
    }

    /** An event that decodes with the registry's schema but names no involved object: the analyzer cannot use it. */
    static KubeEvent namelessEvent() {
        return KubeEvent.newBuilder()
                .setCluster("test").setUid("n-1").setNamespace("inference").setName("nameless.1")
                .setInvolvedObject(ObjectRef.newBuilder().setKind("Pod").setNamespace("inference").setName("").build())
                .setReason("Failed").setMessage("x").setType("Warning")
                .setReportingComponent("kubelet").setReportingInstance("gpu-node-1")
                .setCount(1).setFirstTimestamp(T0).setLastTimestamp(T0)
                .build();
    }

    static List<ConsumerRecord<byte[], byte[]>> readDeadLetters(String bootstrap, int count) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                // the analyzer writes its dead letters in its exactly-once transactions
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INCIDENTS_DLQ).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return records.size() >= count;
            });
        }
        assertThat(records).hasSize(count);
        return records;
    }

    static HttpResponse<String> metrics(int port) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static List<String> headerNames(ConsumerRecord<byte[], byte[]> record) {
        List<String> names = new ArrayList<>();
        record.headers().forEach(h -> names.add(h.key()));
        return names;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
