package dev.incidents.shipper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidents.kafka.LocalBroker;
import dev.incidents.kafka.testing.RetentionChecks;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.schemas.EventTimeHeader;
import dev.incidents.schemas.TopicSpec;
import dev.incidents.schemas.TopicSpecs;
import dev.incidents.schemas.Topics;
import dev.incidents.shipper.cli.ShipCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue #11: a recording older than {@code k8s.events}' 7-day retention, shipped with {@code ship --from}, was deleted
 * by the broker before the analyzer read it. On a broker of its own that checks retention every second, this ships
 * the demo recording (March 2025) to the project's topics and to topics an operator created before (producer
 * timestamps, {@code CreateTime}), lets several retention checks pass, and finds every record still there, each with
 * its recorded event time in the {@code incidents.event-time} header.
 */
class OldRecordingRetentionIT {
    private static final Path RECORDING = Path.of("..", "samples", "gpu-inference-outage.jsonl");
    private static final Duration WEEK = Duration.ofDays(7);

    private static LocalBroker broker;

    @BeforeAll
    static void brokerThatChecksRetentionEverySecond() {
        broker = RetentionChecks.startBroker("retention");
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void aRecordingFromLastYearOutlivesRetentionChecksWithItsEventTimes() throws Exception {
        List<Recorded> recorded = Recordings.read(List.of(RECORDING), new ReadOptions(null, Instant.now()), rejection -> { });
        assertThat(recorded).allMatch(r -> r.time().isBefore(Instant.now().minus(WEEK)), "older than k8s.events' retention");
        assertThat(recorded).anyMatch(Recorded::isTombstone);
        // The project's topics (kafka start, analyze, demo) and an operator's older ones with producer timestamps.
        broker.createTopics(TopicSpecs.defaults(1));
        TopicNames project = new TopicNames(Topics.EVENTS, Topics.PODS, Topics.NODES);
        TopicNames operators = new TopicNames("ops.k8s.events", "ops.k8s.pods", "ops.k8s.nodes");
        broker.createTopics(List.of(TopicSpec.deletedAfter(operators.events(), 1, WEEK),
                TopicSpec.compacted(operators.pods(), 1), TopicSpec.compacted(operators.nodes(), 1)));
        for (TopicNames topics : List.of(project, operators)) {
            StringWriter err = new StringWriter();
            assertThat(ship(topics, err)).as(err.toString()).isZero();
        }
        // Kafka Streams dead-letters with the record's (event) time: the DLQ must keep such a record too.
        produceStampedLastYear(Topics.INCIDENTS_DLQ);
        // Each check deletes a record stamped a year ago, appended after everything above: three checks ran.
        for (int check = 0; check < 3; check++) {
            RetentionChecks.awaitOne(broker);
        }

        for (TopicNames topics : List.of(project, operators)) {
            assertEveryRecordKept(topics.events(), recorded, Recorded.Kind.EVENT);
            assertEveryRecordKept(topics.pods(), recorded, Recorded.Kind.POD);
            assertEveryRecordKept(topics.nodes(), recorded, Recorded.Kind.NODE);
        }
        assertThat(readAll(Topics.INCIDENTS_DLQ)).as(Topics.INCIDENTS_DLQ).hasSize(1);
    }

    private static int ship(TopicNames topics, StringWriter err) {
        return new CommandLine(new ShipCommand()).setErr(new PrintWriter(err, true)).execute(
                "--from", RECORDING.toString(), "--bootstrap-server", broker.bootstrapServers(),
                "--events-topic", topics.events(), "--pods-topic", topics.pods(), "--nodes-topic", topics.nodes());
    }

    /** Every recorded record of {@code kind}, in order, with its recorded event time in the header. */
    private static void assertEveryRecordKept(String topic, List<Recorded> all, Recorded.Kind kind) {
        List<String> expected = all.stream().filter(r -> r.kind() == kind)
                .map(r -> r.key() + " @ " + r.time().truncatedTo(ChronoUnit.MILLIS)).toList();
        List<String> kept = readAll(topic).stream()
                .map(r -> r.key() + " @ " + EventTimeHeader.read(r.headers()).map(Instant::toString).orElse("no event time"))
                .toList();
        assertThat(kept).as(topic).isNotEmpty().containsExactlyElementsOf(expected);
    }

    private static long produceStampedLastYear(String topic) throws Exception {
        long lastYear = Instant.now().minus(Duration.ofDays(365)).toEpochMilli();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, 0, lastYear, "old", "stamped with its event time")).get().offset();
        }
    }

    /** Everything the partition holds now, from its log start to its end. */
    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
