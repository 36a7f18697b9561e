package dev.incidents.kafka;

import dev.incidents.kafka.testing.BrokerBootstrap;
import dev.incidents.kafka.testing.KafkaBrokerExtension;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.TopicSpec;
import dev.incidents.schemas.fixtures.SampleRecords;
import dev.incidents.schemas.registry.InProcessSchemaRegistry;
import dev.incidents.schemas.registry.RegistrySettings;
import dev.incidents.schemas.serde.AvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every top-level schema, in both framings, produced to and consumed from a real broker, tombstones included. */
@ExtendWith(KafkaBrokerExtension.class)
class EverySchemaThroughBrokerIT {
    private static InProcessSchemaRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = InProcessSchemaRegistry.start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    static Stream<Arguments> schemasAndFramings() {
        List<Arguments> cases = new ArrayList<>();
        for (String framing : List.of("single-object", "confluent")) {
            cases.add(Arguments.of(framing, KubeEvent.class, List.of(SampleRecords.diskFullPullFailed(), SampleRecords.scheduled())));
            cases.add(Arguments.of(framing, PodSnapshot.class, List.of(SampleRecords.tritonPodPullingOnGpuNode())));
            cases.add(Arguments.of(framing, NodeSnapshot.class, List.of(SampleRecords.gpuNodeWithDiskPressure())));
            cases.add(Arguments.of(framing, Incident.class, List.of(SampleRecords.diskFullIncident())));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("schemasAndFramings")
    <T extends SpecificRecord> void producesAndConsumes(String framing, Class<T> type, List<T> records,
                                                        @BrokerBootstrap String bootstrap) throws Exception {
        Map<String, Object> serdeConfig = framing.equals("confluent")
                ? Map.of(RegistrySettings.SCHEMA_REGISTRY_URL, registry.url().toString()) : Map.of();
        AvroSerde<T> serde = AvroSerde.of(type, serdeConfig);
        String topic = "it." + type.getSimpleName() + "." + framing + "." + UUID.randomUUID();
        KafkaBrokerExtension.broker().createTopics(List.of(new TopicSpec(topic, 1, Map.of())));

        List<T> sent = new ArrayList<>(records);
        sent.add(null);
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), serde.serializer())) {
            for (int i = 0; i < sent.size(); i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, sent.get(i))).get();
            }
        }

        List<T> received = new ArrayList<>();
        List<byte[]> firstBytes = new ArrayList<>();
        Map<String, Object> consumerConfig = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                AvroSerde.of(type, serdeConfig).deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < sent.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(500))) {
                    received.add(record.value());
                }
            }
        }
        try (KafkaConsumer<String, byte[]> raw = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            raw.assign(List.of(new org.apache.kafka.common.TopicPartition(topic, 0)));
            raw.seekToBeginning(raw.assignment());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (firstBytes.isEmpty() && System.nanoTime() < deadline) {
                raw.poll(Duration.ofMillis(500)).forEach(r -> firstBytes.add(r.value() == null ? null : Arrays.copyOf(r.value(), 2)));
            }
        }

        assertThat(received).containsExactlyElementsOf(sent);
        byte[] expectedStart = framing.equals("confluent") ? new byte[]{0, 0} : new byte[]{(byte) 0xC3, 0x01};
        assertThat(firstBytes.get(0)).isEqualTo(expectedStart);
    }
}
