package dev.incidents.shipper;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The shared informers: Events (events.k8s.io/v1 when the cluster serves it, else core/v1, never both, so an
 * event is not shipped twice), Pods, Nodes, and the owners a Pod's workload is resolved through (ReplicaSet ->
 * Deployment, Job -> CronJob), whose caches back {@link #owner}. Informers only enqueue: mapping and
 * producing happen in one loop elsewhere, so a slow broker never runs inside fabric8's dispatch threads
 * (it blocks them through the bounded queue instead, which is the backpressure we want).
 */
public final class ClusterWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterWatch.class);

    private final KubernetesClient client;
    private final WatchFilter filter;
    private final long resyncMillis;
    private final Consumer<ObservedChange> changes;
    private final Clock clock;
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private final List<SharedIndexInformer<ReplicaSet>> replicaSets = new ArrayList<>();
    private final List<SharedIndexInformer<Job>> jobs = new ArrayList<>();
    private final List<SharedIndexInformer<Pod>> pods = new ArrayList<>();
    private boolean eventsV1;

    public ClusterWatch(KubernetesClient client, WatchFilter filter, Duration resync, Consumer<ObservedChange> changes, Clock clock) {
        this.client = client;
        this.filter = filter;
        this.resyncMillis = resync.toMillis();
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Starts the informers: owners first (waiting up to {@code ownerSync} for their initial list, so the first
     * Pods already resolve to their Deployment), then Events, Pods and Nodes. Returns without waiting for them.
     */
    public synchronized void start(Duration ownerSync) {
        replicaSets.addAll(inform(ReplicaSet.class, true, false));
        jobs.addAll(inform(Job.class, true, false));
        awaitSynced(ownerSync);
        eventsV1 = client.supports(io.fabric8.kubernetes.api.model.events.v1.Event.class);
        if (eventsV1) {
            inform(io.fabric8.kubernetes.api.model.events.v1.Event.class, true, false);
        } else {
            inform(Event.class, true, false);
        }
        LOG.info("watching Events through {}", eventsV1 ? "events.k8s.io/v1" : "core/v1 (events.k8s.io/v1 not served)");
        pods.addAll(inform(Pod.class, true, true));
        inform(Node.class, false, false);
    }

    /** Whether Events are read from events.k8s.io/v1 (else core/v1). */
    public boolean eventsV1() {
        return eventsV1;
    }

    /** True once every informer has listed its objects at least once. */
    public synchronized boolean synced() {
        return !informers.isEmpty() && informers.stream().allMatch(SharedIndexInformer::hasSynced);
    }

    /** Waits until {@link #synced()} or the timeout; returns whether synced. */
    public boolean awaitSynced(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!synced() && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return synced();
    }

    /** A ReplicaSet or Job from the informer caches; other kinds are not cached. */
    public Optional<HasMetadata> owner(String namespace, String kind, String name) {
        String key = namespace + "/" + name;
        List<? extends SharedIndexInformer<? extends HasMetadata>> caches = switch (kind) {
            case "ReplicaSet" -> replicaSets;
            case "Job" -> jobs;
            default -> List.of();
        };
        for (SharedIndexInformer<? extends HasMetadata> cache : caches) {
            HasMetadata found = cache.getStore().getByKey(key);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** How many Pods the caches hold (the benchmark measures heap per Pod with it). */
    public int cachedPods() {
        return pods.stream().mapToInt(informer -> informer.getStore().list().size()).sum();
    }

    @Override
    public synchronized void close() {
        informers.forEach(SharedIndexInformer::close);
        informers.clear();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T extends HasMetadata> List<SharedIndexInformer<T>> inform(Class<T> type, boolean namespaced, boolean selectable) {
        List<Informable<T>> sources = new ArrayList<>();
        var resources = client.resources(type);
        if (!namespaced) {
            sources.add(resources);
        } else if (filter.namespaces().isEmpty()) {
            sources.add(resources.inAnyNamespace());
        } else {
            filter.namespaces().stream().sorted().forEach(namespace -> sources.add(resources.inNamespace(namespace)));
        }
        List<SharedIndexInformer<T>> started = new ArrayList<>();
        for (Informable<T> source : sources) {
            Informable<T> selected = selectable && filter.podSelector() != null
                    ? (Informable<T>) ((io.fabric8.kubernetes.client.dsl.Filterable) source).withLabelSelector(filter.podSelector())
                    : source;
            SharedIndexInformer<T> informer = selected.runnableInformer(resyncMillis).itemStore(new LeanItemStore<>());
            informer.addEventHandler(new Enqueue<>());
            informer.exceptionHandler((isStarted, t) -> {
                LOG.warn("watch of {} failed, retrying: {}", type.getSimpleName(), t.toString());
                return true;
            });
            CompletableFuture<Void> start = informer.start().toCompletableFuture();
            start.whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.error("informer for {} did not start: {}", type.getSimpleName(), error.toString());
                }
            });
            informers.add(informer);
            started.add(informer);
        }
        return started;
    }

    /** Enqueues every callback; resyncs and relists arrive as MODIFIED and are dropped later if unchanged. */
    private final class Enqueue<T extends HasMetadata> implements ResourceEventHandler<T> {
        @Override
        public void onAdd(T object) {
            offer(ChangeType.ADDED, object);
        }

        @Override
        public void onUpdate(T old, T object) {
            offer(ChangeType.MODIFIED, object);
        }

        @Override
        public void onDelete(T object, boolean deletedFinalStateUnknown) {
            offer(ChangeType.DELETED, object);
        }

        private void offer(ChangeType type, T object) {
            if (filter.admits(object.getMetadata() == null ? null : object.getMetadata().getNamespace())) {
                changes.accept(new ObservedChange(type, object, clock.instant()));
            }
        }
    }
}
