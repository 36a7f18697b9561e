package dev.incidents.analyzer;

import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodDeleted;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
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
 *
 * <p>Read where events and pod tombstones are routed; written by the input stage's last step ({@link #follow}), which
 * sees every topic's records in the order they are taken, so it can route an event held for its pod's snapshot before
 * a later snapshot of that pod is learned.
 */
public final class PodOwners {

    /** The store's name (changelogged; one entry per live pod). */
    public static final String STORE = "pod-owners";

    private final KeyValueStore<String, String> owners;

    private PodOwners(KeyValueStore<String, String> owners) {
        this.owners = owners;
    }

    public static PodOwners of(ProcessorContext<?, ?> context) {
        return new PodOwners(context.getStateStore(STORE));
    }

    private static String podKey(String cluster, String namespace, String pod) {
        return cluster + "/" + namespace + "/" + pod;
    }

    /** The pod an event is about (its involved object, or the pod a controller reissued it from), as keyed here. */
    public static Optional<String> podKeyOf(EventSignal signal) {
        if (signal.pod().isEmpty()) {
            return Optional.empty();
        }
        var involved = signal.event().getInvolvedObject();
        String namespace = involved.getNamespace() != null ? involved.getNamespace() : signal.event().getNamespace();
        return Optional.of(podKey(signal.event().getCluster(), namespace, signal.pod().get()));
    }

    /** The subject key of the pod's workload, as its last snapshot said. */
    public Optional<String> subjectOf(String podKey) {
        return Optional.ofNullable(owners.get(podKey));
    }

    /**
     * Learns from a signal of the pods topic as it was routed: a snapshot routed to its workload names the pod's owner,
     * a tombstone ends it. The pod's signals to its node ({@code cluster/node/name}) say nothing of its owner.
     */
    public void follow(String subjectKey, Signal signal) {
        if (signal instanceof PodObserved observed) {
            PodSnapshot pod = observed.snapshot();
            if (!Subject.parse(subjectKey).isNode()) {
                String key = podKey(pod.getCluster(), pod.getNamespace(), pod.getName());
                if (!subjectKey.equals(owners.get(key))) {
                    owners.put(key, subjectKey);
                }
            }
        } else if (signal instanceof PodDeleted deleted) {
            Subject subject = Subject.parse(subjectKey);
            if (!subject.isNode()) {
                owners.delete(podKey(subject.cluster(), subject.namespace(), deleted.name()));
            }
        }
    }
}
