package dev.incidents.analyzer.signal;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of every input from the Kubernetes timestamps it carries, so a replay gives the same incidents as the
 * live stream did. Tombstones (deleted pods and nodes) and records without any timestamp fall back to the record's
 * own timestamp (the producer's), else to the partition's stream time.
 */
public final class InputTimestamps implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Object value = record.value();
        Instant t = null;
        if (value instanceof KubeEvent e) {
            t = EventTime.ofOrNull(e);
        } else if (value instanceof PodSnapshot p) {
            t = p.getObservedAt();
        } else if (value instanceof NodeSnapshot n) {
            t = n.getObservedAt();
        }
        if (t != null && t.toEpochMilli() >= 0) {
            return t.toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(0, partitionTime);
    }
}
