package dev.incidents.analyzer.correlate;

import dev.incidents.analyzer.detect.NodeUnits;
import dev.incidents.analyzer.detect.Quantities;
import dev.incidents.analyzer.detect.ResourceOffer;
import dev.incidents.schemas.NodeSnapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Each cluster's nodes by what they can allocate, kept in memory beside the {@code nodes} global store, so ranking
 * an INSUFFICIENT_GPU incident costs a map look-up instead of decoding every Node of the cluster (5,600 nodes in a
 * large fleet, once per incident built).
 *
 * <p>The global store's update processor ({@link GlobalViewUpdater}) reports every put and delete here. A store restored
 * at start-up is filled without that processor, so a cluster's entry is first built by one prefix scan of the store,
 * when a correlator first asks about the cluster; puts before that are ignored (the scan sees them), puts after it
 * are applied. The global thread writes and stream threads read: each cluster's entry is its own lock.
 */
public final class NodeIndex {

    private final Map<String, ClusterNodes> clusters = new ConcurrentHashMap<>();

    /** A node seen by the global store ({@code snapshot == null}: deleted). */
    public void update(String key, NodeSnapshot snapshot) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return;
        }
        ClusterNodes nodes = clusters.get(key.substring(0, slash));
        if (nodes != null) {
            nodes.update(key.substring(slash + 1), snapshot);
        }
    }

    /** A pod's placement seen by the placements store ({@code placement == null}: it holds nothing any more). */
    public void placed(String podKey, GpuPlacement placement) {
        int slash = podKey.indexOf('/');
        if (slash < 0) {
            return;
        }
        ClusterNodes nodes = clusters.get(podKey.substring(0, slash));
        if (nodes != null) {
            nodes.placed(podKey, placement);
        }
    }

    /** What {@code cluster}'s nodes offer of {@code resource}; the first call for a cluster scans both stores. */
    ResourceOffer offer(String cluster, String resource,
                        ReadOnlyKeyValueStore<String, ValueAndTimestamp<NodeSnapshot>> store,
                        ReadOnlyKeyValueStore<String, ValueAndTimestamp<String>> placements) {
        ClusterNodes nodes = clusters.computeIfAbsent(cluster, c -> new ClusterNodes());
        return nodes.offer(resource, () -> scan(cluster, store, placements, nodes));
    }

    /** How many of {@code cluster}'s nodes are known; the first call for a cluster scans both stores, as offers do. */
    int nodesObserved(String cluster, ReadOnlyKeyValueStore<String, ValueAndTimestamp<NodeSnapshot>> store,
                      ReadOnlyKeyValueStore<String, ValueAndTimestamp<String>> placements) {
        ClusterNodes nodes = clusters.computeIfAbsent(cluster, c -> new ClusterNodes());
        return nodes.count(() -> scan(cluster, store, placements, nodes));
    }

    private static void scan(String cluster, ReadOnlyKeyValueStore<String, ValueAndTimestamp<NodeSnapshot>> store,
                             ReadOnlyKeyValueStore<String, ValueAndTimestamp<String>> placements, ClusterNodes nodes) {
        String prefix = cluster + "/";
        scan(store, prefix, (key, node) -> nodes.put(key.substring(prefix.length()), node));
        scan(placements, prefix, (key, value) -> GpuPlacement.parse(value).ifPresent(p -> nodes.place(key, p)));
    }

    /** Every value of {@code store} under {@code prefix}, with its key. */
    private static <V> void scan(ReadOnlyKeyValueStore<String, ValueAndTimestamp<V>> store, String prefix,
                                 BiConsumer<String, V> each) {
        try (KeyValueIterator<String, ValueAndTimestamp<V>> it = store.prefixScan(prefix, new StringSerializer())) {
            while (it.hasNext()) {
                var entry = it.next();
                if (entry.value != null && entry.value.value() != null) {
                    each.accept(entry.key, entry.value.value());
                }
            }
        }
    }

    /** A resource's advertising nodes and their units, the most on one node and all together. */
    private record Advertised(NodeUnits units, long largest, long total) {
    }

    /**
     * One cluster: allocatable quantities per node name, the accelerators each pod holds, and the offers derived
     * from them until a node or a placement changes.
     */
    private static final class ClusterNodes {
        /**
         * By node name, never walked in order (the offers walk {@link #advertised}): hashed, not a tree whose every
         * look-up compared names long alike ({@code ip-10-0-7-33-c16714.ec2.internal}) a dozen times, once per node
         * snapshot (1 % of a fleet replay).
         */
        private final Map<String, Map<String, String>> allocatable = new HashMap<>();
        private final Map<String, GpuPlacement> placements = new HashMap<>();
        private final Map<String, ResourceOffer> offers = new HashMap<>();
        /**
         * Per resource, what the nodes advertise as an offer holds it: kept until a node's allocatable of that
         * resource changes, not on a placement, so an offer after a pod's start or end or a CPU node's arrival (most
         * changes) reuses it instead of walking the nodes again.
         */
        private final Map<String, Advertised> advertisedOffers = new HashMap<>();
        /**
         * Per resource, the nodes advertising it (units > 0) in name order, and the units placed pods hold per node:
         * kept as nodes and placements change, so an offer reads the nodes that have the resource instead of every
         * node and every placement of the cluster (a fifth of a fleet replay's time went to those scans).
         */
        private final Map<String, TreeMap<String, Long>> advertised = new HashMap<>();
        private final Map<String, Map<String, Long>> held = new HashMap<>();
        private final Map<String, Integer> placedCount = new HashMap<>();
        private boolean built;

        synchronized void update(String node, NodeSnapshot snapshot) {
            Map<String, String> before = allocatable.get(node);
            if (snapshot == null ? before != null : !snapshot.getAllocatable().equals(before)) {
                if (built) {
                    forgetAdvertised(before, snapshot == null ? Map.of() : snapshot.getAllocatable());
                }
                changed(() -> {
                    if (snapshot == null) {
                        unadvertise(node, allocatable.remove(node));
                    } else {
                        put(node, snapshot);
                    }
                });
            }
        }

        /**
         * Drops what is kept of the resources whose allocatable on a node changed: a CPU node joining or leaving (most
         * of a cluster's node changes) leaves the accelerators' advertised units as they were.
         */
        private void forgetAdvertised(Map<String, String> before, Map<String, String> now) {
            if (before != null) {
                for (Map.Entry<String, String> r : before.entrySet()) {
                    if (!r.getValue().equals(now.get(r.getKey()))) {
                        advertisedOffers.remove(r.getKey());
                    }
                }
            }
            for (Map.Entry<String, String> r : now.entrySet()) {
                if (before == null || !r.getValue().equals(before.get(r.getKey()))) {
                    advertisedOffers.remove(r.getKey());
                }
            }
        }

        synchronized void placed(String podKey, GpuPlacement placement) {
            if (placement == null ? placements.containsKey(podKey) : !placement.equals(placements.get(podKey))) {
                changed(() -> {
                    if (placement == null) {
                        unhold(placements.remove(podKey));
                    } else {
                        place(podKey, placement);
                    }
                });
            }
        }

        /**
         * Called with the lock held: applies a change seen after the first scan, and forgets the derived offers. Only
         * for a real change: most node snapshots are status heartbeats and most placements repeat a pod's snapshot,
         * and recomputing every offer of the cluster after each was a tenth of a fleet replay's time.
         */
        private void changed(Runnable change) {
            if (!built) {
                return; // the first offer scans the stores, which already hold this change
            }
            change.run();
            offers.clear();
        }

        /** Called with the lock held (from placed, or from the scan inside offer). */
        void place(String podKey, GpuPlacement placement) {
            unhold(placements.put(podKey, placement));
            for (Map.Entry<String, Long> d : placement.devices().entrySet()) {
                held.computeIfAbsent(d.getKey(), r -> new HashMap<>()).merge(placement.node(), d.getValue(), Long::sum);
                placedCount.merge(d.getKey(), 1, Integer::sum);
            }
        }

        private void unhold(GpuPlacement placement) {
            if (placement == null) {
                return;
            }
            for (Map.Entry<String, Long> d : placement.devices().entrySet()) {
                Map<String, Long> byNode = held.get(d.getKey());
                if (byNode != null && byNode.merge(placement.node(), -d.getValue(), Long::sum) == 0) {
                    byNode.remove(placement.node());
                }
                placedCount.merge(d.getKey(), -1, Integer::sum);
            }
        }

        /** Called with the lock held (from update, or from the scan inside offer). */
        void put(String node, NodeSnapshot snapshot) {
            Map<String, String> now = Map.copyOf(snapshot.getAllocatable());
            unadvertise(node, allocatable.put(node, now));
            for (Map.Entry<String, String> r : now.entrySet()) {
                long units = Quantities.count(r.getValue());
                if (units > 0) {
                    advertised.computeIfAbsent(r.getKey(), k -> new TreeMap<>()).put(node, units);
                }
            }
        }

        private void unadvertise(String node, Map<String, String> before) {
            if (before == null) {
                return;
            }
            for (String resource : before.keySet()) {
                TreeMap<String, Long> nodes = advertised.get(resource);
                if (nodes != null) {
                    nodes.remove(node);
                }
            }
        }

        synchronized ResourceOffer offer(String resource, Runnable scan) {
            build(scan);
            return offers.computeIfAbsent(resource, this::compute);
        }

        synchronized int count(Runnable scan) {
            build(scan);
            return allocatable.size();
        }

        private void build(Runnable scan) {
            if (!built) {
                scan.run();
                built = true;
            }
        }

        private ResourceOffer compute(String resource) {
            Advertised advertised = advertisedOffers.computeIfAbsent(resource, this::advertised);
            return new ResourceOffer(allocatable.size(), advertised.units(), advertised.largest(), advertised.total(),
                    placedCount.getOrDefault(resource, 0), () -> free(resource, advertised.units()));
        }

        /** What the nodes advertising {@code resource} offer, by node name. */
        private Advertised advertised(String resource) {
            TreeMap<String, Long> nodes = advertised.getOrDefault(resource, new TreeMap<>());
            String[] names = new String[nodes.size()];
            long[] units = new long[nodes.size()];
            int count = 0;
            long largest = 0;
            long total = 0;
            for (Map.Entry<String, Long> node : nodes.entrySet()) {
                long offered = node.getValue();
                names[count] = node.getKey();
                units[count++] = offered;
                largest = Math.max(largest, offered);
                total += offered;
            }
            return new Advertised(new NodeUnits(names, units, count), largest, total);
        }

        /** The units of {@code resource} left on each of the {@code advertised} nodes, with the lock held. */
        private synchronized ResourceOffer.Free free(String resource, NodeUnits advertised) {
            Map<String, Long> holding = held.getOrDefault(resource, Map.of());
            String[] freeNames = new String[advertised.size()];
            long[] freeUnits = new long[advertised.size()];
            int freeCount = 0;
            long largestFree = 0;
            long freeTotal = 0;
            for (int i = 0; i < advertised.size(); i++) {
                String node = advertised.node(i);
                long free = advertised.units(i) - holding.getOrDefault(node, 0L);
                if (free > 0) {
                    freeNames[freeCount] = node;
                    freeUnits[freeCount++] = free;
                    largestFree = Math.max(largestFree, free);
                    freeTotal += free;
                }
            }
            return new ResourceOffer.Free(new NodeUnits(freeNames, freeUnits, freeCount), largestFree, freeTotal);
        }
    }
}
