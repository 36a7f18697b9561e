package dev.incidents.shipper;

import java.util.Set;

/**
 * Which objects to watch. {@code namespaces} empty = all namespaces (one informer per kind), otherwise one
 * informer per listed namespace, so the caches never hold what is filtered out. Excluded namespaces are
 * dropped before the queue. The label selector applies to Pods only: Events and Nodes do not carry the
 * workload's labels, and the owners must stay complete to resolve a Pod's workload.
 */
public record WatchFilter(Set<String> namespaces, Set<String> excludedNamespaces, String podSelector) {
    public static final WatchFilter ALL = new WatchFilter(Set.of(), Set.of(), null);

    public WatchFilter {
        namespaces = Set.copyOf(namespaces);
        excludedNamespaces = Set.copyOf(excludedNamespaces);
        podSelector = podSelector == null || podSelector.isBlank() ? null : podSelector;
    }

    public boolean admits(String namespace) {
        return namespace == null || !excludedNamespaces.contains(namespace);
    }
}
