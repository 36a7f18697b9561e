package dev.incidents.analyzer.live;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How {@code tail}, {@code demo} and the tests read the incident JSON topic: no consumer group (a reader must not
 * steal partitions from a chat bot's group, nor commit offsets) and {@code read_committed}, so an aborted analyzer
 * transaction never shows up as an incident.
 */
public final class IncidentTopicReader {
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private IncidentTopicReader() {
    }

    public static KafkaConsumer<String, String> open(Map<String, Object> client) {
        Map<String, Object> config = new LinkedHashMap<>(client);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** The partitions of {@code topic}; empty when it does not exist. */
    public static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic, METADATA_TIMEOUT).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
    }
}
