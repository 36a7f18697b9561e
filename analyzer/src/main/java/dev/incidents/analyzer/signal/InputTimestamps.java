package dev.incidents.analyzer.signal;

import dev.incidents.schemas.EventTimeHeader;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of every input from the Kubernetes timestamps it carries, so a replay gives the same incidents as the
 * live stream did. Tombstones (deleted pods and nodes) have no payload: their time is the shipper's
 * {@code incidents.event-time} header. Records with neither (another producer's) fall back to the record timestamp,
 * which on the input topics is the time of shipping, not of the event (README, Topics), else to the partition's
 * stream time.
 */
public final class InputTimestamps implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Instant t = payloadTime(record.value());
        if (t == null || t.toEpochMilli() < 0) {
            t = EventTimeHeader.read(record.headers()).orElse(null);
        }
        if (t != null && t.toEpochMilli() >= 0) {
            return t.toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(0, partitionTime);
    }

    private static Instant payloadTime(Object value) {
        if (value instanceof KubeEvent e) {
            return EventTime.ofOrNull(e);
        } else if (value instanceof PodSnapshot p) {
            return p.getObservedAt();
        } else if (value instanceof NodeSnapshot n) {
            return n.getObservedAt();
        }
        return null;
    }
}
