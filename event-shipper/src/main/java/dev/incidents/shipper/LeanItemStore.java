package dev.incidents.shipper;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

import java.util.Map;

/**
 * The informer cache without what the shipper never reads: {@code metadata.managedFields} (often a third or
 * more of a Pod's JSON since server-side apply) and the {@code last-applied-configuration} annotation (a full
 * second copy of the spec). Stripped on the way in, so neither the cache nor the handlers ever hold them; the
 * recording format forbids storing them anyway.
 */
final class LeanItemStore<T extends HasMetadata> extends BasicItemStore<T> {
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    LeanItemStore() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public T put(String key, T object) {
        var metadata = object.getMetadata();
        if (metadata != null) {
            metadata.setManagedFields(null);
            Map<String, String> annotations = metadata.getAnnotations();
            if (annotations != null && annotations.containsKey(LAST_APPLIED)) {
                annotations.remove(LAST_APPLIED);
            }
        }
        return super.put(key, object);
    }
}
