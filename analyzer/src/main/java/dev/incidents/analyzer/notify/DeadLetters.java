package dev.incidents.analyzer.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The notifier's dead-letter topic ({@code k8s.incidents.notify-dlq}): a transition a destination would not take
 * after the retries, with the incident id as key, the JSON as read, and headers saying which destination refused it,
 * why, and where the transition came from. Replaying it is a {@code kcat} pipe back into a destination's hands.
 */
public final class DeadLetters implements AutoCloseable {
    public static final String DESTINATION = "notify.destination";
    public static final String REASON = "notify.reason";
    public static final String SOURCE_TOPIC = "notify.source.topic";
    public static final String SOURCE_PARTITION = "notify.source.partition";
    public static final String SOURCE_OFFSET = "notify.source.offset";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final KafkaProducer<String, String> producer;

    public DeadLetters(Map<String, Object> client, String topic) {
        this.topic = topic;
        Map<String, Object> config = new LinkedHashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Writes the dead letter and waits for the broker, so the source offset can be committed after it. */
    public void send(ConsumerRecord<String, String> source, String destination, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DESTINATION, bytes(destination));
        headers.add(REASON, bytes(reason));
        headers.add(SOURCE_TOPIC, bytes(source.topic()));
        headers.add(SOURCE_PARTITION, bytes(Integer.toString(source.partition())));
        headers.add(SOURCE_OFFSET, bytes(Long.toString(source.offset())));
        try {
            producer.send(new ProducerRecord<>(topic, null, source.key(), source.value(), headers))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write the dead-letter topic " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing the dead-letter topic", e);
        }
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
