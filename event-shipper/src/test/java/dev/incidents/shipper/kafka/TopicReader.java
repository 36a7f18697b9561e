package dev.incidents.shipper.kafka;

import dev.incidents.schemas.EventTimeHeader;
import dev.incidents.schemas.serde.AvroDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.awaitility.Awaitility.await;

/**
 * Reads one single-partition topic of the real test broker from the beginning, decoding values with the
 * project's Avro deserializer. One partition keeps the produce order, so "nothing between these two records"
 * is a deterministic assertion, not a timing one.
 */
public final class TopicReader<T extends SpecificRecord> implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroDeserializer<T> values;
    private final String topic;
    private final List<Received<T>> received = new ArrayList<>();

    /** One record as it arrived: value null = tombstone; {@code eventTime} from its header, null without one. */
    public record Received<T>(String key, T value, Instant timestamp, Instant eventTime) {
    }

    public TopicReader(String bootstrap, String topic, Class<T> type) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        this.values = new AvroDeserializer<>(type);
        values.configure(Map.of(), false);
    }

    /** Creates single-partition topics (the shipper would otherwise auto-create them with the broker default). */
    public static void createTopics(String bootstrap, String... topics) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(java.util.Arrays.stream(topics).map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("cannot create topics", e);
        }
    }

    /** Waits until at least {@code count} records arrived in total and returns all of them. */
    public List<Received<T>> awaitAtLeast(int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> poll().size() >= count);
        return List.copyOf(received);
    }

    /** Everything received so far, after one more short poll. */
    public List<Received<T>> poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            received.add(new Received<>(record.key(), record.value() == null ? null : values.deserialize(topic, record.value()),
                    Instant.ofEpochMilli(record.timestamp()), EventTimeHeader.read(record.headers()).orElse(null)));
        }
        return List.copyOf(received);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
