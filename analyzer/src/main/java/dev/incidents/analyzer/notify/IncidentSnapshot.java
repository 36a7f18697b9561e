package dev.incidents.analyzer.notify;

import dev.incidents.analyzer.live.IncidentTopicReader;
import dev.incidents.schemas.Incident;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The latest state of every incident on the (compacted) incident JSON topic, read from its beginning to its end
 * without a consumer group: what is open when {@code notify} starts, for an Alertmanager to have re-asserted.
 */
public final class IncidentSnapshot {
    private IncidentSnapshot() {
    }

    public static Collection<Incident> latest(Map<String, Object> client, String topic) {
        Map<String, Incident> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = IncidentTopicReader.open(client)) {
            List<TopicPartition> partitions = IncidentTopicReader.partitions(consumer, topic);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + topic + " to its end within 2 minutes");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        latest.remove(record.key());
                        continue;
                    }
                    try {
                        Transition t = Transition.parse(record.value());
                        latest.put(t.id(), t.incident());
                    } catch (IllegalArgumentException skipped) {
                        // not an incident: the destination loops dead-letter it when they read it
                    }
                }
            }
        }
        return latest.values();
    }
}
