package dev.incidents.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every committed record of a topic from offset 0, read as it arrives ({@code read_committed}, no group), as a chat
 * bot on {@code k8s.incidents.json} reads transitions. Reading as they come, not once at the end, matters for a
 * recording of last year: its incidents carry their event times as record timestamps, the first transaction marker
 * (stamped with the wall clock) rolls the segment, and the log cleaner compacts the transitions before it away
 * within seconds, keeping the latest per id.
 */
final class TransitionFeed implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Thread thread;

    TransitionFeed(Map<String, Object> client, String topic) {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::run, "transition-feed-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                consumer.poll(Duration.ofMillis(200)).forEach(batch::add);
                synchronized (this) {
                    records.addAll(batch);
                }
                for (TopicPartition p : consumer.assignment()) {
                    try {
                        positions.put(p, consumer.position(p, Duration.ofMillis(100)));
                    } catch (TimeoutException brokerAway) {
                        // the position is asked again after the next poll
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() asked us to stop
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** The records read so far, in order per partition. */
    synchronized List<ConsumerRecord<String, String>> records() {
        return new ArrayList<>(records);
    }

    synchronized int size() {
        return records.size();
    }

    /** Whether the feed has read up to {@code end} (offsets of the last stable records, e.g. from listOffsets). */
    boolean readUpTo(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
    }
}
