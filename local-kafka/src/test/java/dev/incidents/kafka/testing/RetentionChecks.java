package dev.incidents.kafka.testing;

import dev.incidents.kafka.BrokerSettings;
import dev.incidents.kafka.LocalBroker;
import dev.incidents.schemas.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/** A broker of a test's own that checks retention every second, and a way to know that a check has run. */
public final class RetentionChecks {
    /** What the checks must delete: records stamped a year ago on a topic that deletes after a week. */
    private static final String STAMPED_LAST_YEAR = "stamped-last-year";

    private RetentionChecks() {
    }

    /** A started broker under {@code target/it-kafka-<name>-*} whose log cleaner checks retention every second. */
    public static LocalBroker startBroker(String name) {
        int[] ports = FreePorts.two();
        LocalBroker broker = new LocalBroker(BrokerSettings.defaults()
                .withHome(Path.of("target", "it-kafka-" + name + "-" + UUID.randomUUID().toString().substring(0, 8))
                        .toAbsolutePath())
                .withPorts(ports[0], ports[1])
                .withBrokerConfig("log.retention.check.interval.ms", "1000"));
        broker.start();
        return broker;
    }

    /** Returns once a retention check has run after this call: it deleted a record stamped a year ago. */
    public static void awaitOne(LocalBroker broker) throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
        broker.createTopics(List.of(TopicSpec.deletedAfter(STAMPED_LAST_YEAR, 1, Duration.ofDays(7))));
        long offset;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(client, new StringSerializer(),
                new StringSerializer())) {
            long lastYear = Instant.now().minus(Duration.ofDays(365)).toEpochMilli();
            offset = producer.send(new ProducerRecord<>(STAMPED_LAST_YEAR, 0, lastYear, "old",
                    "stamped with its event time")).get().offset();
        }
        TopicPartition partition = new TopicPartition(STAMPED_LAST_YEAR, 0);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Admin admin = Admin.create(client)) {
            while (admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).partitionResult(partition).get().offset()
                    <= offset) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no retention check deleted " + STAMPED_LAST_YEAR + " within 60 s");
                }
                Thread.sleep(200);
            }
        }
    }
}
