package dev.incidents.recordings;

import dev.incidents.schemas.OwnerRef;

import java.util.Optional;

/**
 * Who controls an object: the shipper answers from its informer caches, a replay from the ReplicaSets and Jobs
 * seen in the recording. Used to walk a Pod's owner chain past its nearest owner (ReplicaSet to Deployment,
 * Job to CronJob).
 */
@FunctionalInterface
public interface OwnerLookup {
    /** Knows nothing: the mapping falls back to inferring owners from names and the pod-template-hash label. */
    OwnerLookup NONE = (namespace, kind, name) -> Optional.empty();

    /** The controlling owner of {@code kind/name} in {@code namespace}, or empty when unknown or unowned. */
    Optional<OwnerRef> ownerOf(String namespace, String kind, String name);
}
