package dev.incidents.analyzer;

import dev.incidents.schemas.PodSnapshot;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The workload each live pod belongs to, learned from its snapshots' owner chains (key {@code cluster/namespace/pod},
 * value the workload's subject key). Events name only the pod; without this they would be routed by the pod-name
 * guess, which splits a Job's, a LeaderWorkerSet's, a KServe or Ray workload's pods from their events. The guess stays
 * the fallback for pods never seen as snapshots (event-only recordings, an event ahead of the pod's first snapshot).
 * The store lives in the input stage: the shipper's {@code WorkloadPartitioner} hashes a pod's snapshots and its
 * events by the same name, so the task routing an event is the one that saw the pod's snapshots.
 */
public final class PodOwners {

    /** The store's name (changelogged; one entry per live pod). */
    public static final String STORE = "pod-owners";

    private final KeyValueStore<String, String> owners;

    private PodOwners(KeyValueStore<String, String> owners) {
        this.owners = owners;
    }

    static PodOwners of(ProcessorContext<?, ?> context) {
        return new PodOwners(context.getStateStore(STORE));
    }

    static String podKey(String cluster, String namespace, String pod) {
        return cluster + "/" + namespace + "/" + pod;
    }

    /** The subject key of the pod's workload, as its last snapshot said. */
    Optional<String> subjectOf(String podKey) {
        return Optional.ofNullable(owners.get(podKey));
    }

    void learn(PodSnapshot pod, String subjectKey) {
        String key = podKey(pod.getCluster(), pod.getNamespace(), pod.getName());
        if (!subjectKey.equals(owners.get(key))) {
            owners.put(key, subjectKey);
        }
    }

    void forget(String podKey) {
        owners.delete(podKey);
    }
}
