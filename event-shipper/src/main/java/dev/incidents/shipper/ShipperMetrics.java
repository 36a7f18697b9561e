package dev.incidents.shipper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The shipper's counters, served in Prometheus text format on {@code /metrics}. Kinds are the lower-case
 * Kubernetes kinds ({@code event}, {@code pod}, {@code node}, {@code replicaset}, {@code job}).
 */
public final class ShipperMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Counters by name, then kind: bumped once per record on the producer's I/O thread, so no key is built per call. */
    private final Map<String, Map<String, Counter>> counters = new ConcurrentHashMap<>();

    /** An object change arrived from a watch (or a recording line was read). */
    public void received(String kind) {
        count("shipper.objects.received", kind);
    }

    /** A record was handed to Kafka and acknowledged. */
    public void shipped(String kind) {
        count("shipper.objects.shipped", kind);
    }

    /** A relist, resync or heartbeat-only update that changed nothing the analysis reads. */
    public void skippedUnchanged(String kind) {
        count("shipper.objects.skipped.unchanged", kind);
    }

    /** An object that could not be mapped (missing name, event without involved object, odd JSON). */
    public void malformed(String kind) {
        count("shipper.objects.malformed", kind);
    }

    /** An informer's watch ended and was started again (disconnect, 410 Gone relist). */
    public void watchRestarted(String kind) {
        count("shipper.watch.restarts", kind);
    }

    /** A record Kafka did not take within the delivery timeout, or a non-retriable send error. */
    public void produceError(String kind) {
        count("shipper.produce.errors", kind);
    }

    /** Changes waiting between the informers and the produce loop. */
    public void queueDepth(Supplier<Number> depth) {
        Gauge.builder("shipper.queue.depth", depth).description("object changes waiting to be mapped and produced").register(registry);
    }

    /** Sends handed to the producer and not yet acknowledged. */
    public void pendingSends(Supplier<Number> pending) {
        Gauge.builder("shipper.produce.pending", pending).description("records sent and not yet acknowledged").register(registry);
    }

    /** The current value of one counter, 0 when never bumped (tests and the benchmark read it). */
    public double value(String name, String kind) {
        Counter counter = registry.find(name).tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    public String scrape() {
        return registry.scrape();
    }

    private void count(String name, String kind) {
        counters.computeIfAbsent(name, n -> new ConcurrentHashMap<>())
                .computeIfAbsent(kind, k -> Counter.builder(name).tag("kind", kind).register(registry)).increment();
    }
}
