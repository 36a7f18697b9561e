package dev.incidents.shipper;

import dev.incidents.recordings.KubeObjects;
import dev.incidents.recordings.MalformedObjectException;
import dev.incidents.recordings.OwnerLookup;
import dev.incidents.recordings.PodGroupObjects;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodGroupSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.TopicKeys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Locale;

/**
 * The one loop that maps and produces: Events are shipped on every content change (a count or series bump is
 * signal) and once for old events at start-up; Pod and Node snapshots only when a field the analysis reads
 * changed ({@link ShippedState}), and so are PodGroup and Workload snapshots; deletes become tombstones. Owner kinds only feed the informer caches.
 * A malformed object is logged, counted and skipped; shipping goes on.
 */
public final class Shipper {
    private static final Logger LOG = LoggerFactory.getLogger(Shipper.class);

    private final String cluster;
    private final TopicNames topics;
    private final OwnerLookup owners;
    private final KafkaSink sink;
    private final ShipperMetrics metrics;
    private final ShippedState state;

    public Shipper(String cluster, TopicNames topics, OwnerLookup owners, KafkaSink sink, ShipperMetrics metrics, ShippedState state) {
        this.cluster = cluster;
        this.topics = topics;
        this.owners = owners;
        this.sink = sink;
        this.metrics = metrics;
        this.state = state;
    }

    public void ship(ObservedChange change) {
        String kind = change.kind() == null ? "unknown" : change.kind();
        switch (kind) {
            case "Event", "Pod", "Node", "PodGroup", "Workload" -> {
            }
            default -> {
                return;
            }
        }
        // a Kueue Workload is counted with the PodGroups: one kind of object for the analysis
        String tag = "Workload".equals(kind) ? "podgroup" : kind.toLowerCase(Locale.ROOT);
        metrics.received(tag);
        try {
            switch (kind) {
                case "Event" -> shipEvent(change);
                case "Pod" -> shipPod(change);
                case "PodGroup", "Workload" -> shipPodGroup(change);
                default -> shipNode(change);
            }
        } catch (MalformedObjectException | IllegalArgumentException | NullPointerException e) {
            metrics.malformed(tag);
            LOG.warn("skipping malformed {} {}: {}", kind, describe(change.object()), e.getMessage());
        }
    }

    private void shipEvent(ObservedChange change) {
        String stateKey = "event/" + eventIdentity(change.object());
        if (change.type() == ChangeType.DELETED) {
            // Event TTL expiry: nothing to ship, only forget it.
            state.forget(stateKey);
            return;
        }
        KubeEvent event = KubeObjects.event(ObjectJson.of(change.object()), cluster);
        if (!state.changed(stateKey, ShippedState.fingerprint(event))) {
            metrics.skippedUnchanged("event");
            return;
        }
        sink.send(new OutgoingRecord("event", topics.events(), TopicKeys.event(event), event, eventTime(event, change.observedAt()), stateKey));
    }

    private void shipPod(ObservedChange change) {
        HasMetadata object = change.object();
        if (change.type() == ChangeType.DELETED) {
            String key = TopicKeys.pod(cluster, object.getMetadata().getNamespace(), object.getMetadata().getName());
            state.forget(key);
            sink.send(new OutgoingRecord("pod", topics.pods(), key, null, change.observedAt(), key));
            return;
        }
        PodSnapshot pod = KubeObjects.pod(ObjectJson.of(object), cluster, owners, change.observedAt());
        String key = TopicKeys.pod(pod);
        if (!state.changed(key, ShippedState.contentFingerprint(pod))) {
            metrics.skippedUnchanged("pod");
            return;
        }
        sink.send(new OutgoingRecord("pod", topics.pods(), key, pod, pod.getObservedAt(), key));
    }

    private void shipNode(ObservedChange change) {
        HasMetadata object = change.object();
        if (change.type() == ChangeType.DELETED) {
            String key = TopicKeys.node(cluster, object.getMetadata().getName());
            state.forget(key);
            sink.send(new OutgoingRecord("node", topics.nodes(), key, null, change.observedAt(), key));
            return;
        }
        NodeSnapshot node = KubeObjects.node(ObjectJson.of(object), cluster, change.observedAt());
        String key = TopicKeys.node(node);
        if (!state.changed(key, ShippedState.contentFingerprint(node))) {
            metrics.skippedUnchanged("node");
            return;
        }
        sink.send(new OutgoingRecord("node", topics.nodes(), key, node, node.getObservedAt(), key));
    }

    private void shipPodGroup(ObservedChange change) {
        HasMetadata object = change.object();
        if (!PodGroupObjects.isGangObject(object.getApiVersion(), object.getKind())) {
            return; // a PodGroup or Workload of another API group: not one the analysis reads
        }
        if (change.type() == ChangeType.DELETED) {
            String key = TopicKeys.podGroup(cluster, object.getMetadata().getNamespace(), object.getMetadata().getName());
            state.forget(key);
            sink.send(new OutgoingRecord("podgroup", topics.podGroups(), key, null, change.observedAt(), key));
            return;
        }
        PodGroupSnapshot group = PodGroupObjects.podGroup(ObjectJson.of(object), cluster, change.observedAt());
        String key = TopicKeys.podGroup(group);
        if (!state.changed(key, ShippedState.contentFingerprint(group))) {
            metrics.skippedUnchanged("podgroup");
            return;
        }
        sink.send(new OutgoingRecord("podgroup", topics.podGroups(), key, group, group.getObservedAt(), key));
    }

    /** The event time of an event: when it last happened, as Kubernetes says, else when we saw it. */
    static Instant eventTime(KubeEvent event, Instant observedAt) {
        Instant happened = KubeObjects.eventTime(event);
        return happened != null ? happened : observedAt;
    }

    private static String eventIdentity(HasMetadata event) {
        var metadata = event.getMetadata();
        if (metadata == null) {
            return "?";
        }
        return metadata.getUid() != null ? metadata.getUid() : metadata.getNamespace() + "/" + metadata.getName();
    }

    private static String describe(HasMetadata object) {
        var metadata = object.getMetadata();
        return metadata == null ? "(no metadata)" : metadata.getNamespace() + "/" + metadata.getName();
    }
}
