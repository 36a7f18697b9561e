package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.IncidentTopology;
import dev.incidents.analyzer.detect.NodeUnits;
import dev.incidents.analyzer.detect.ResourceOffer;
import dev.incidents.analyzer.replay.Replay;
import dev.incidents.schemas.NodeSnapshot;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The node index answers what the {@code nodes} global store holds: nodes already in the store when a cluster is
 * first asked about (restored at start-up, never seen by the index) through one scan, later puts and deletes as
 * they happen, each cluster on its own.
 */
class NodeIndexTest {

    static final String GPU = "nvidia.com/gpu";
    static final Instant T = Instant.parse("2025-03-14T10:00:00Z");

    private final Replay replay = new Replay(AnalyzerConfig.defaults());
    private final KeyValueStore<String, ValueAndTimestamp<NodeSnapshot>> store =
            replay.driver().getTimestampedKeyValueStore(IncidentTopology.NODES_STORE);
    private final KeyValueStore<String, ValueAndTimestamp<String>> placements =
            replay.driver().getTimestampedKeyValueStore(IncidentTopology.PLACEMENTS_STORE);
    private final NodeIndex index = new NodeIndex();

    @AfterEach
    void close() {
        replay.close();
    }

    @Test
    void the_first_question_about_a_cluster_scans_what_the_store_already_holds() {
        node("prod", "gpu-b", Map.of(GPU, "8", "cpu", "96"));
        node("prod", "gpu-a", Map.of(GPU, "4"));
        node("prod", "cpu-1", Map.of("cpu", "16"));
        node("staging", "gpu-x", Map.of(GPU, "1"));

        ResourceOffer offer = index.offer("prod", GPU, store, placements);

        assertThat(offer.nodesObserved()).isEqualTo(3);
        assertThat(offer.advertising()).containsExactly("gpu-a (4)", "gpu-b (8)");
        assertThat(offer.advertising(1)).containsExactly("gpu-a (4)");
        assertThat(offer.largest()).isEqualTo(8);
        assertThat(offer.total()).isEqualTo(12);
        assertThat(index.offer("staging", GPU, store, placements).advertising()).containsExactly("gpu-x (1)");
        assertThat(index.offer("dev", GPU, store, placements)).isEqualTo(ResourceOffer.NOTHING_KNOWN);
    }

    @Test
    void puts_and_deletes_after_the_first_scan_are_applied_as_they_come() {
        node("prod", "gpu-a", Map.of(GPU, "4"));
        assertThat(index.offer("prod", GPU, store, placements).total()).isEqualTo(4);

        index.update("prod/gpu-b", snapshot("prod", "gpu-b", Map.of(GPU, "8")));
        index.update("prod/gpu-a", snapshot("prod", "gpu-a", Map.of(GPU, "0")));
        assertThat(index.offer("prod", GPU, store, placements).advertising()).containsExactly("gpu-b (8)");
        assertThat(index.offer("prod", GPU, store, placements).nodesObserved()).isEqualTo(2);

        index.update("prod/gpu-b", null);
        assertThat(index.offer("prod", GPU, store, placements).advertising()).isEmpty();
        assertThat(index.offer("prod", GPU, store, placements).nodesObserved()).isEqualTo(1);
    }

    @Test
    void a_put_before_the_first_question_is_left_to_the_scan() {
        index.update("prod/gpu-z", snapshot("prod", "gpu-z", Map.of(GPU, "2"))); // not in the store: ignored
        node("prod", "gpu-a", Map.of(GPU, "4"));

        assertThat(index.offer("prod", GPU, store, placements).advertising()).containsExactly("gpu-a (4)");
    }

    @Test
    void free_units_are_allocatable_minus_what_the_pods_placed_there_hold() {
        node("prod", "gpu-a", Map.of(GPU, "4"));
        node("prod", "gpu-b", Map.of(GPU, "4"));
        placements.put("prod/ml/train-1", ValueAndTimestamp.make("gpu-a nvidia.com/gpu=3", T.toEpochMilli()));

        ResourceOffer offer = index.offer("prod", GPU, store, placements);
        assertThat(offer.placementsObserved()).isEqualTo(1);
        assertThat(offer.freeByNode()).containsExactly("gpu-a (1)", "gpu-b (4)");
        assertThat(offer.largestFree()).isEqualTo(4);
        assertThat(offer.fragmentedFor(2)).as("gpu-b can take 2").isFalse();

        index.placed("prod/ml/train-2", new GpuPlacement("gpu-b", Map.of(GPU, 3L)));
        ResourceOffer split = index.offer("prod", GPU, store, placements);
        assertThat(split.freeTotal()).isEqualTo(2);
        assertThat(split.largestFree()).isEqualTo(1);
        assertThat(split.fragmentedFor(2)).as("2 free, one per node").isTrue();
        assertThat(split.fragmentedFor(3)).as("only 2 free in total").isFalse();
        assertThat(split.fragmentedFor(5)).as("no node holds 5 even empty").isFalse();

        index.placed("prod/ml/train-2", null);
        assertThat(index.offer("prod", GPU, store, placements).fragmentedFor(2)).isFalse();
    }

    /** A scaled-down node and the pods that were placed on it leave nothing behind: the offer of an empty cluster. */
    @Test
    void a_deleted_node_and_its_deleted_pods_leave_the_offer_of_a_cluster_without_them() {
        node("prod", "gpu-a", Map.of(GPU, "4"));
        index.offer("prod", GPU, store, placements); // built: what follows is applied incrementally
        change("prod/gpu-b", Map.of(GPU, "8"));
        place("prod/ml/a", new GpuPlacement("gpu-b", Map.of(GPU, 2L)));
        place("prod/ml/b", new GpuPlacement("gpu-b", Map.of(GPU, 6L)));

        place("prod/ml/a", null);
        place("prod/ml/b", null);
        change("prod/gpu-b", null);

        ResourceOffer offer = index.offer("prod", GPU, store, placements);
        assertThat(offer).isEqualTo(new NodeIndex().offer("prod", GPU, store, placements));
        assertThat(offer.advertising()).containsExactly("gpu-a (4)");
        assertThat(offer.placementsObserved()).isZero();
        assertThat(offer.nodesObserved()).isEqualTo(1);
    }

    /**
     * The per-resource index is kept as nodes and placements change: after any sequence of them, an offer equals the
     * one a fresh index scanning the same stores computes.
     */
    @Test
    void an_offer_after_changes_equals_a_fresh_scan_of_the_same_state() {
        node("prod", "gpu-a", Map.of(GPU, "4", "cpu", "32"));
        node("prod", "gpu-b", Map.of(GPU, "8"));
        node("prod", "cpu-1", Map.of("cpu", "16"));
        index.offer("prod", GPU, store, placements); // built: what follows is applied incrementally

        change("prod/gpu-c", Map.of(GPU, "2"));
        change("prod/gpu-b", Map.of(GPU, "6")); // a device lost
        place("prod/ml/a", new GpuPlacement("gpu-a", Map.of(GPU, 2L)));
        place("prod/ml/b", new GpuPlacement("gpu-b", Map.of(GPU, 4L)));
        place("prod/ml/a", new GpuPlacement("gpu-c", Map.of(GPU, 1L))); // the pod replaced, now elsewhere
        place("prod/ml/c", new GpuPlacement("gpu-a", Map.of(GPU, 4L)));
        place("prod/ml/c", null); // deleted
        change("prod/gpu-c", null); // node gone, its pod's placement still recorded

        ResourceOffer incremental = index.offer("prod", GPU, store, placements);
        ResourceOffer fresh = new NodeIndex().offer("prod", GPU, store, placements);
        assertThat(incremental).isEqualTo(fresh);
        assertThat(incremental.advertising()).containsExactly("gpu-a (4)", "gpu-b (6)");
        assertThat(incremental.freeByNode()).containsExactly("gpu-a (4)", "gpu-b (2)");
        assertThat(incremental.placementsObserved()).isEqualTo(2);
        assertThat(index.offer("prod", "cpu", store, placements)).isEqualTo(new NodeIndex().offer("prod", "cpu", store, placements));
    }

    /**
     * A pod's start or end changes what is free, not what the nodes advertise: the offer after it reuses the
     * advertised units (printed once), and works out the free units only when they are read, from the placements then.
     */
    @Test
    void a_placement_keeps_the_advertised_units_and_free_units_are_worked_out_when_read() {
        node("prod", "gpu-a", Map.of(GPU, "4"));
        node("prod", "gpu-b", Map.of(GPU, "8"));
        ResourceOffer before = index.offer("prod", GPU, store, placements);
        assertThat(before.advertising()).containsExactly("gpu-a (4)", "gpu-b (8)");

        place("prod/ml/a", new GpuPlacement("gpu-a", Map.of(GPU, 3L)));
        ResourceOffer after = index.offer("prod", GPU, store, placements);

        assertThat(after).isNotSameAs(before);
        assertThat(after.advertised()).isSameAs(before.advertised());
        assertThat(after.advertising()).isSameAs(before.advertising());
        assertThat(after.freeByNode()).containsExactly("gpu-a (1)", "gpu-b (8)");
        assertThat(after.placementsObserved()).isEqualTo(1);

        change("prod/cpu-1", Map.of("cpu", "16")); // a CPU node joins: the GPUs advertised are the same
        ResourceOffer withCpuNode = index.offer("prod", GPU, store, placements);
        assertThat(withCpuNode.advertised()).isSameAs(before.advertised());
        assertThat(withCpuNode.nodesObserved()).isEqualTo(3);

        change("prod/gpu-b", Map.of(GPU, "6"));
        assertThat(index.offer("prod", GPU, store, placements).advertising()).containsExactly("gpu-a (4)", "gpu-b (6)");
        change("prod/gpu-a", null);
        assertThat(index.offer("prod", GPU, store, placements).advertising()).containsExactly("gpu-b (6)");
        assertThat(index.offer("prod", GPU, store, placements)).isEqualTo(new NodeIndex().offer("prod", GPU, store,
                placements));
    }

    @Test
    void an_offer_read_for_what_is_advertised_only_never_works_out_the_free_units() {
        int[] worked = {0};
        ResourceOffer offer = new ResourceOffer(2, new NodeUnits(new String[] {"gpu-a", "gpu-b"}, new long[] {4, 8}, 2),
                8, 12, 1, () -> {
                    worked[0]++;
                    return new ResourceOffer.Free(new NodeUnits(new String[] {"gpu-b"}, new long[] {8}, 1), 8, 8);
                });

        assertThat(offer.advertising()).containsExactly("gpu-a (4)", "gpu-b (8)");
        assertThat(worked[0]).isZero();
        assertThat(offer.fragmentedFor(4)).isFalse();
        assertThat(offer.freeByNode()).containsExactly("gpu-b (8)");
        assertThat(worked[0]).as("once, when first read").isEqualTo(1);
    }

    private void change(String key, Map<String, String> allocatable) {
        String[] parts = key.split("/");
        if (allocatable == null) {
            store.delete(key);
            index.update(key, null);
        } else {
            NodeSnapshot s = snapshot(parts[0], parts[1], allocatable);
            store.put(key, ValueAndTimestamp.make(s, T.toEpochMilli()));
            index.update(key, s);
        }
    }

    private void place(String pod, GpuPlacement placement) {
        if (placement == null) {
            placements.delete(pod);
        } else {
            placements.put(pod, ValueAndTimestamp.make(placement.format(), T.toEpochMilli()));
        }
        index.placed(pod, placement);
    }

    private void node(String cluster, String name, Map<String, String> allocatable) {
        store.put(cluster + "/" + name, ValueAndTimestamp.make(snapshot(cluster, name, allocatable), T.toEpochMilli()));
    }

    private static NodeSnapshot snapshot(String cluster, String name, Map<String, String> allocatable) {
        return NodeSnapshot.newBuilder().setCluster(cluster).setName(name).setObservedAt(T)
                .setCapacity(allocatable).setAllocatable(allocatable).build();
    }
}
