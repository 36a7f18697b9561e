package dev.incidents.shipper;

import dev.incidents.recordings.KubeObjects;
import dev.incidents.recordings.MalformedObjectException;
import dev.incidents.recordings.OwnerLookup;
import dev.incidents.recordings.RecordingWriter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * {@code record}: the live changes into the project's recording format, with the same economy as {@code ship}:
 * every Event change, Pod and Node changes only when a field the analysis reads changed (a Node heartbeat every
 * few seconds would otherwise be most of the file), owners (ReplicaSet, Job) when first seen.
 */
public final class Recorder {
    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);

    private static final java.util.Set<String> RECORDED_KINDS = java.util.Set.of("Event", "Pod", "Node", "ReplicaSet", "Job");

    private final RecordingWriter writer;
    private final String cluster;
    private final OwnerLookup owners;
    private final ShippedState state = new ShippedState();
    private final ShipperMetrics metrics;
    private long written;

    public Recorder(RecordingWriter writer, String cluster, OwnerLookup owners, ShipperMetrics metrics) {
        this.writer = writer;
        this.cluster = cluster;
        this.owners = owners;
        this.metrics = metrics;
    }

    public void record(ObservedChange change) {
        String kind = change.kind() == null ? "unknown" : change.kind();
        try {
            if (shouldWrite(kind, change)) {
                writer.write(change.observedAt(), change.type().name(), ObjectJson.of(change.object()));
                written++;
            }
        } catch (MalformedObjectException | IllegalArgumentException | NullPointerException e) {
            metrics.malformed(kind.toLowerCase());
            LOG.warn("skipping malformed {}: {}", kind, e.getMessage());
        }
    }

    public long written() {
        return written;
    }

    private boolean shouldWrite(String kind, ObservedChange change) {
        if (!RECORDED_KINDS.contains(kind)) {
            return false;
        }
        HasMetadata object = change.object();
        String name = object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
        if (change.type() == ChangeType.DELETED) {
            state.forget(kind + "/" + name);
            return !kind.equals("Event");
        }
        long fingerprint = switch (kind) {
            case "Event" -> ShippedState.fingerprint(KubeObjects.event(ObjectJson.of(object), cluster));
            case "Pod" -> ShippedState.contentFingerprint(KubeObjects.pod(ObjectJson.of(object), cluster, owners, Instant.EPOCH));
            case "Node" -> ShippedState.contentFingerprint(KubeObjects.node(ObjectJson.of(object), cluster, Instant.EPOCH));
            // owners (ReplicaSet, Job) matter only for their ownerReferences, which do not change: once is enough
            default -> 0L;
        };
        return state.changed(kind + "/" + name, fingerprint);
    }
}
