package dev.incidents.analyzer;

import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodDeleted;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
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
 * sees every topic's records in the order they are taken.
 *
 * <p>Live, the pods topic of a partition can run ahead of its events topic (catching up, Kafka Streams gave a task
 * hours of one topic's event time before the other's): a pod deleted by then must still name the owner of its
 * earlier events, and a pod first seen later must not name it for events before it, as in event-time order. So live
 * an entry is kept with the time of the pod's first snapshot and of its deletion ({@code subject|first|deleted}),
 * an event's time is looked up against them, and a deleted pod's entry is dropped once the events topic has passed
 * its deletion ({@link #purgeDeletedBefore}). Replay, which takes the topics in event-time order, keeps the plain form
 * and forgets a pod at its tombstone.
 */
public final class PodOwners {

    /** The store's name (changelogged; one entry per live pod, and live per pod deleted within the lateness bound). */
    public static final String STORE = "pod-owners";

    private static final char SEPARATOR = '|';
    private static final long NEVER = Long.MAX_VALUE;

    private final KeyValueStore<String, String> owners;
    /** Live: the pods deleted but kept, by deletion time (rebuilt from the store by {@link #restoreDeleted}). */
    private final PriorityQueue<Deleted> deleted = new PriorityQueue<>(Comparator.comparingLong(Deleted::at));

    private record Deleted(long at, String podKey) {
    }

    /** One entry: the workload, and (live) when the pod was first seen and deleted. */
    private record Owner(String subject, long firstSeen, long deletedAt) {
        static Owner parse(String value) {
            int first = value.indexOf(SEPARATOR);
            if (first < 0) {
                return new Owner(value, Long.MIN_VALUE, NEVER); // the plain form (replay, and before December 2026)
            }
            int second = value.indexOf(SEPARATOR, first + 1);
            return new Owner(value.substring(0, first), Long.parseLong(value.substring(first + 1, second)),
                    Long.parseLong(value.substring(second + 1)));
        }

        String format() {
            return subject + SEPARATOR + firstSeen + SEPARATOR + deletedAt;
        }

        boolean at(long time) {
            return firstSeen <= time && time < deletedAt;
        }
    }

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

    /** The subject key of the pod's workload as its snapshots said at {@code time}. */
    public Optional<String> subjectOf(String podKey, long time) {
        String value = owners.get(podKey);
        if (value == null) {
            return Optional.empty();
        }
        Owner owner = Owner.parse(value);
        return owner.at(time) ? Optional.of(owner.subject()) : Optional.empty();
    }

    /**
     * Learns from a signal of the pods topic as it was routed, at {@code time}: a snapshot routed to its workload names
     * the pod's owner, a tombstone ends it (kept with its deletion time when {@code timed}: live). The pod's signals to
     * its node ({@code cluster/node/name}) say nothing of its owner.
     */
    public void follow(String subjectKey, Signal signal, long time, boolean timed) {
        if (!(signal instanceof PodObserved) && !(signal instanceof PodDeleted)) {
            return;
        }
        Subject subject = Subject.parse(subjectKey);
        if (subject.isNode()) {
            return;
        }
        String key = podKey(subject.cluster(), subject.namespace(), signal.pod().orElseThrow());
        String value = owners.get(key);
        if (signal instanceof PodObserved) {
            if (!timed) {
                if (!subjectKey.equals(value)) {
                    owners.put(key, subjectKey);
                }
                return;
            }
            Owner known = value == null ? null : Owner.parse(value);
            if (known == null || known.deletedAt() != NEVER || !known.subject().equals(subjectKey)) {
                // first seen, or a new pod of the same name (a StatefulSet's) after the last one's deletion
                owners.put(key, new Owner(subjectKey, time, NEVER).format());
            }
        } else if (!timed || value == null) {
            owners.delete(key);
        } else {
            Owner known = Owner.parse(value);
            owners.put(key, new Owner(known.subject(), known.firstSeen(), time).format());
            deleted.add(new Deleted(time, key));
        }
    }

    /** Live: the deleted pods kept in the store, after a restart (one scan of the store). */
    public void restoreDeleted() {
        try (KeyValueIterator<String, String> it = owners.all()) {
            while (it.hasNext()) {
                var entry = it.next();
                Owner owner = Owner.parse(entry.value);
                if (owner.deletedAt() != NEVER) {
                    deleted.add(new Deleted(owner.deletedAt(), entry.key));
                }
            }
        }
    }

    /** Live: drops the pods deleted before {@code time}, which no event to come can be older than. */
    public void purgeDeletedBefore(long time) {
        while (!deleted.isEmpty() && deleted.peek().at() < time) {
            Deleted gone = deleted.poll();
            String value = owners.get(gone.podKey());
            if (value != null && Owner.parse(value).deletedAt() == gone.at()) {
                owners.delete(gone.podKey());
            }
        }
    }
}
