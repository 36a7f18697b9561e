package dev.incidents.shipper;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@code ship} at run time: informers -> bounded queue -> one mapping/producing loop -> Kafka, with the HTTP
 * status endpoints. {@link #run} returns when told to stop (0) or when the producer failed fatally (1).
 */
public final class LiveShipper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveShipper.class);

    private final ShipperMetrics metrics = new ShipperMetrics();
    private final ShippedState state = new ShippedState();
    private final String cluster;
    private final KubernetesClient client;
    private final ClusterWatch watch;
    private final ChangeQueue queue;
    private final KafkaSink sink;
    private final Shipper shipper;
    private final StatusServer http;

    private LiveShipper(ShipperConfig config) {
        Config kube = KubeConnection.config(config.kubeconfig(), config.context());
        this.cluster = KubeConnection.clusterName(config.cluster(), kube);
        this.client = KubeConnection.client(kube, metrics);
        this.queue = new ChangeQueue(config.queueCapacity());
        metrics.queueDepth(queue::size);
        this.sink = new KafkaSink(config.producer(), new ValueSerializer(config.producer()), metrics, lost -> state.forget(lost.stateKey()));
        this.watch = new ClusterWatch(client, config.filter(), config.resync(), queue, Clock.systemUTC());
        this.shipper = new Shipper(cluster, config.topics(), new OwnerIndex(watch), sink, metrics, state);
        this.http = config.httpPort() < 0 ? null : StatusServer.start(config.httpPort(), this::ready, this::readiness, metrics);
    }

    /** Connects and starts the informers; the changes flow once {@link #run} is called. */
    public static LiveShipper start(ShipperConfig config) {
        LiveShipper shipper = new LiveShipper(config);
        try {
            shipper.watch.start(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            shipper.close();
            throw e;
        }
        LOG.info("shipping cluster {} from {} to {}", shipper.cluster, shipper.client.getMasterUrl(), config.producer().get("bootstrap.servers"));
        return shipper;
    }

    /** Maps and produces until {@code stop} is true; 0 on a requested stop, 1 after a fatal producer error. */
    public int run(BooleanSupplier stop) {
        queue.drain(shipper::ship, sink::checkHealth, 1000, () -> stop.getAsBoolean() || sink.fatal().isPresent());
        if (sink.fatal().isEmpty()) {
            queue.drainRemaining(shipper::ship);
        }
        sink.flush();
        Optional<Throwable> fatal = sink.fatal();
        fatal.ifPresent(e -> LOG.error("stopping: the producer cannot go on ({})", e.toString()));
        return fatal.isPresent() ? 1 : 0;
    }

    public boolean ready() {
        return watch.synced() && sink.healthy();
    }

    public String readiness() {
        return (watch.synced() ? "informers synced" : "informers syncing") + "; " + sink.describe();
    }

    public String cluster() {
        return cluster;
    }

    public ShipperMetrics metrics() {
        return metrics;
    }

    public ClusterWatch watch() {
        return watch;
    }

    /** The HTTP port, or -1 when HTTP is off. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    @Override
    public void close() {
        queue.close();
        watch.close();
        sink.close();
        client.close();
        if (http != null) {
            http.close();
        }
    }
}
