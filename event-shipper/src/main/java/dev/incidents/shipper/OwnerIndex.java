package dev.incidents.shipper;

import dev.incidents.recordings.OwnerLookup;
import dev.incidents.schemas.OwnerRef;
import io.fabric8.kubernetes.api.model.OwnerReference;

import java.util.Optional;

/**
 * The owner chain from the informer caches: the controller of a cached ReplicaSet or Job. When the cache does
 * not know the object yet, {@code KubeObjects} falls back to its name rules ({@code pod-template-hash},
 * CronJob job suffixes), so a Pod seen before its ReplicaSet still names its Deployment.
 */
final class OwnerIndex implements OwnerLookup {
    private final ClusterWatch watch;

    OwnerIndex(ClusterWatch watch) {
        this.watch = watch;
    }

    @Override
    public Optional<OwnerRef> ownerOf(String namespace, String kind, String name) {
        return watch.owner(namespace, kind, name)
                .flatMap(owned -> owned.getMetadata().getOwnerReferences().stream()
                        .filter(ref -> Boolean.TRUE.equals(ref.getController()))
                        .findFirst())
                .map(OwnerIndex::toOwnerRef);
    }

    private static OwnerRef toOwnerRef(OwnerReference ref) {
        return OwnerRef.newBuilder().setKind(ref.getKind()).setName(ref.getName()).setUid(ref.getUid()).setController(true).build();
    }
}
