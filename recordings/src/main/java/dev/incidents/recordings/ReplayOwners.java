package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidents.schemas.OwnerRef;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The owners a recording shows: controller references of the ReplicaSets and Jobs in it, and the
 * {@code Controlled By:} / {@code NewReplicaSet:} lines of describe text. A replay resolves Pods to their top
 * workload with these, as the shipper does with its informer caches.
 */
final class ReplayOwners implements OwnerLookup {
    private final Map<String, OwnerRef> owners = new HashMap<>();

    void add(String namespace, String kind, String name, OwnerRef owner) {
        owners.putIfAbsent(key(namespace, kind, name), owner);
    }

    /** Learns from a ReplicaSet, Job, StatefulSet, ... object: its controller reference. */
    void learn(JsonNode object) {
        String kind = JsonFields.text(object, "kind");
        String name = JsonFields.text(object, "metadata", "name");
        if (kind == null || name == null) {
            return;
        }
        String namespace = JsonFields.firstNonNull(JsonFields.text(object, "metadata", "namespace"), "default");
        for (JsonNode ref : JsonFields.objects(object, "metadata", "ownerReferences")) {
            if (JsonFields.bool(ref, "controller") && JsonFields.text(ref, "kind") != null && JsonFields.text(ref, "name") != null) {
                add(namespace, kind, name, OwnerRef.newBuilder().setKind(JsonFields.text(ref, "kind"))
                        .setName(JsonFields.text(ref, "name")).setUid(JsonFields.text(ref, "uid")).setController(true).build());
            }
        }
    }

    @Override
    public Optional<OwnerRef> ownerOf(String namespace, String kind, String name) {
        return Optional.ofNullable(owners.get(key(namespace, kind, name)));
    }

    private static String key(String namespace, String kind, String name) {
        return namespace + "/" + kind + "/" + name;
    }
}
