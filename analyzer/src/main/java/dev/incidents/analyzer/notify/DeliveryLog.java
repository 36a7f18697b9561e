package dev.incidents.analyzer.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.schemas.IncidentStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What each destination last got for each incident occurrence, and the Slack thread it lives in, kept on a compacted
 * topic ({@code k8s.incidents.notify-threads}, key {@code destination|incidentId#occurrence}). Read whole at start and
 * again when a destination's loop is given partitions, written before the offset of the transition is committed:
 * after a restart or a rebalance a redelivered transition is recognised and not posted again, and follow-ups still
 * find their thread.
 *
 * <p>Why a topic and not a local file: the notifier's Deployment has no volume, a replacement pod starts elsewhere, and
 * Kafka is the one store every instance already reaches.
 */
public final class DeliveryLog implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What was delivered last: status and lastSeen of the transition; the thread (Slack {@code ts}) and channel id if any. */
    public record Entry(IncidentStatus status, Instant lastSeen, String thread, String channel) {
        public static Entry of(Transition t, String thread, String channel) {
            return new Entry(t.status(), t.lastSeen(), thread, channel);
        }

        boolean isAfter(Entry other) {
            int byStatus = Integer.compare(status.ordinal(), other.status.ordinal());
            return byStatus > 0 || (byStatus == 0 && lastSeen.isAfter(other.lastSeen));
        }
    }

    private final String topic;
    private final KafkaConsumer<String, String> reader;
    private final KafkaProducer<String, String> writer;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public DeliveryLog(Map<String, Object> client, String topic) {
        this.topic = topic;
        Map<String, Object> consumer = new LinkedHashMap<>(client);
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.reader = new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer());
        Map<String, Object> producer = new LinkedHashMap<>(client);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.writer = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer());
        List<TopicPartition> partitions = reader.partitionsFor(topic, TIMEOUT).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("delivery log topic " + topic + " does not exist");
        }
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        catchUp();
    }

    /** Reads what other instances wrote since the last call, up to the end of the topic now. */
    public synchronized void catchUp() {
        Map<TopicPartition, Long> end = reader.endOffsets(reader.assignment(), TIMEOUT);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (end.entrySet().stream().anyMatch(e -> reader.position(e.getKey(), TIMEOUT) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cannot read the delivery log " + topic + " to its end within "
                        + TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                if (record.value() == null) {
                    entries.remove(record.key());
                } else {
                    Entry entry = decode(record.value());
                    if (entry != null) {
                        // a loop of this instance may have logged a later delivery while this read was behind
                        entries.merge(record.key(), entry, (mine, read) -> read.isAfter(mine) ? read : mine);
                    }
                }
            }
        }
    }

    public Entry get(String destination, Transition t) {
        return entries.get(key(destination, t));
    }

    /** Records a delivery; returns once the broker has it, so it is durable before the transition's offset is committed. */
    public void put(String destination, Transition t, Entry entry) {
        String key = key(destination, t);
        try {
            writer.send(new ProducerRecord<>(topic, key, encode(entry))).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write the delivery log " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing the delivery log", e);
        }
        entries.put(key, entry);
    }

    public int size() {
        return entries.size();
    }

    static String key(String destination, Transition t) {
        return destination + "|" + t.occurrenceKey();
    }

    static String encode(Entry entry) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("status", entry.status().name());
        n.put("lastSeen", IncidentJson.time(entry.lastSeen()));
        if (entry.thread() != null) {
            n.put("thread", entry.thread());
        }
        if (entry.channel() != null) {
            n.put("channel", entry.channel());
        }
        return n.toString();
    }

    static Entry decode(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            return new Entry(IncidentStatus.valueOf(n.path("status").asText()), Instant.parse(n.path("lastSeen").asText()),
                    n.hasNonNull("thread") ? n.get("thread").asText() : null,
                    n.hasNonNull("channel") ? n.get("channel").asText() : null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        reader.close(Duration.ofSeconds(5));
        writer.close(Duration.ofSeconds(5));
    }
}
