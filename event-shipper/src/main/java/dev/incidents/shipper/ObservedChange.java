package dev.incidents.shipper;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.time.Instant;

/** One change of one object as an informer delivered it, with the wall-clock time it was observed. */
public record ObservedChange(ChangeType type, HasMetadata object, Instant observedAt) {

    /** The object's kind, e.g. {@code Pod}; events.k8s.io/v1 and core/v1 Events are both {@code Event}. */
    public String kind() {
        return object.getKind();
    }
}
