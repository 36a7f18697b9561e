package dev.incidents.shipper;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
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
 * Deployment, Job -> CronJob), whose caches back {@link #owner}, and the gang objects of the batch schedulers
 * ({@link #GANG_OBJECTS}) where the cluster serves their CRDs. Informers only enqueue: mapping and
 * producing happen in one loop elsewhere, so a slow broker never runs inside fabric8's dispatch threads
 * (it blocks them through the bounded queue instead, which is the backpressure we want).
 */
public final class ClusterWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterWatch.class);

    /**
     * apiVersion and kind of the gang objects watched where served: Volcano's PodGroup, the scheduler-plugins
     * coscheduling PodGroup, Kueue's Workload. Optional by nature: most clusters run none of these schedulers.
     */
    static final List<List<String>> GANG_OBJECTS = List.of(
            List.of("scheduling.volcano.sh/v1beta1", "PodGroup"),
            List.of("scheduling.x-k8s.io/v1alpha1", "PodGroup"),
            List.of("kueue.x-k8s.io/v1beta1", "Workload"));

    private final KubernetesClient client;
    private final WatchFilter filter;
    private final long resyncMillis;
    private final Consumer<ObservedChange> changes;
    private final Clock clock;
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private final List<SharedIndexInformer<ReplicaSet>> replicaSets = new ArrayList<>();
    private final List<SharedIndexInformer<Job>> jobs = new ArrayList<>();
    private final List<SharedIndexInformer<Pod>> pods = new ArrayList<>();
    private final List<String> gangObjects = new ArrayList<>();
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
        informGangObjects();
    }

    /** The gang objects watched, as {@code apiVersion/kind}; empty when the cluster serves none of their CRDs. */
    public synchronized List<String> gangObjects() {
        return List.copyOf(gangObjects);
    }

    /**
     * One informer per gang object the API server serves, asked once through discovery. An absent CRD is the
     * usual case, not a fault: one INFO line says what is watched. A CRD installed later is picked up at the
     * next start of the shipper.
     */
    private void informGangObjects() {
        List<String> absent = new ArrayList<>();
        for (List<String> gang : GANG_OBJECTS) {
            String apiVersion = gang.get(0);
            String kind = gang.get(1);
            boolean served;
            try {
                served = client.supports(apiVersion, kind);
            } catch (KubernetesClientException e) {
                // discovery of one group refused (RBAC, an aggregated API down): the rest is still watched
                LOG.info("cannot tell whether {} {} is served ({}); not watching it", apiVersion, kind, e.getMessage());
                continue;
            }
            if (!served) {
                absent.add(apiVersion + "/" + kind);
                continue;
            }
            List<Informable<GenericKubernetesResource>> sources = new ArrayList<>();
            var resources = client.genericKubernetesResources(apiVersion, kind);
            if (filter.namespaces().isEmpty()) {
                sources.add(resources.inAnyNamespace());
            } else {
                filter.namespaces().stream().sorted().forEach(namespace -> sources.add(resources.inNamespace(namespace)));
            }
            sources.forEach(source -> start(source, kind));
            gangObjects.add(apiVersion + "/" + kind);
        }
        LOG.info("watching gang objects: {}; not served: {}", gangObjects.isEmpty() ? "none" : String.join(", ", gangObjects),
                absent.isEmpty() ? "none" : String.join(", ", absent));
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
            started.add(start(selected, type.getSimpleName()));
        }
        return started;
    }

    private <T extends HasMetadata> SharedIndexInformer<T> start(Informable<T> source, String what) {
        SharedIndexInformer<T> informer = source.runnableInformer(resyncMillis).itemStore(new LeanItemStore<>());
        informer.addEventHandler(new Enqueue<>());
        informer.exceptionHandler((isStarted, t) -> {
            LOG.warn("watch of {} failed, retrying: {}", what, t.toString());
            return true;
        });
        CompletableFuture<Void> start = informer.start().toCompletableFuture();
        start.whenComplete((ok, error) -> {
            if (error != null) {
                LOG.error("informer for {} did not start: {}", what, error.toString());
            }
        });
        informers.add(informer);
        return informer;
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
