package dev.incidents.recordings;

import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;

/**
 * One record read from a recorded log, ready for a topic: {@code k8s.events} (EVENT), {@code k8s.pods} (POD),
 * {@code k8s.nodes} (NODE), {@code k8s.podgroups} (PODGROUP).
 *
 * @param time  the record's event time (see README: Events by their own timestamps, snapshots by the recording line
 *              or the latest time in the object, describe text by {@link ReadOptions#now()})
 * @param kind  which topic it belongs to
 * @param key   the record key, built by {@link dev.incidents.schemas.TopicKeys}
 * @param value a {@code KubeEvent}, {@code PodSnapshot}, {@code NodeSnapshot} or {@code PodGroupSnapshot}; null is a
 *              tombstone (a deleted Pod, Node or PodGroup)
 * @param file  the file it came from ({@code -} for stdin)
 * @param line  the 1-based line where the object starts
 */
public record Recorded(Instant time, Kind kind, String key, SpecificRecord value, String file, long line) {
    public enum Kind { EVENT, POD, NODE, PODGROUP }

    public boolean isTombstone() {
        return value == null;
    }
}
