package dev.incidents.analyzer;

import dev.incidents.schemas.Incident;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;

/**
 * What the topology counts as it runs: signals by kind, transitions by category and status, records sent to the
 * DLQ by input, and the event-time lag of each transition (wall clock at emit minus the newest evidence). Meters
 * go to Micrometer's global registry: {@code analyze} adds its Prometheus registry there, while {@code replay}
 * and the tests add none, so counting costs a no-op there.
 */
public final class PipelineMeters {
    private static final Clock WALL = Clock.systemUTC();
    private static final java.util.concurrent.atomic.AtomicInteger BUFFERED = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * The signal counters by kind, found once: the global registry's look-up builds and hashes the meter's id and tags
     * on every call, once per signal (about 1 % of a fleet replay). Its composite counters follow the registries added
     * or removed later, so the same counter serves for the whole run.
     */
    private static final java.util.Map<String, Counter> SIGNALS = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        io.micrometer.core.instrument.Gauge.builder("incidents.reorder.buffered", BUFFERED, Number::doubleValue)
                .description("signals waiting for the slowest input partition's watermark (last task that reported)")
                .register(Metrics.globalRegistry);
    }

    private PipelineMeters() {
    }

    public static void signal(String kind) {
        SIGNALS.computeIfAbsent(kind, k -> registry().counter("incidents.signals", "kind", k)).increment();
    }

    /** A signal that came later than the lateness bound: applied at once, out of event-time order. */
    public static void late() {
        registry().counter("incidents.signals.late").increment();
    }

    /**
     * An event of a pod whose owner no snapshot has named yet, held until its partition's pods topic passes its time
     * (a lagging pods topic, a pod deleted before its events came).
     */
    public static void heldForOwner() {
        registry().counter("incidents.pod.events.held").increment();
    }

    /** Signals waiting in a correlator's reorder buffer for the slowest input partition. */
    public static void buffered(int size) {
        BUFFERED.set(size);
    }

    public static void deadLettered(String input) {
        registry().counter("incidents.dlq.records", "input", input).increment();
    }

    public static void transition(Incident incident) {
        MeterRegistry registry = registry();
        registry.counter("incidents.transitions", "category", incident.getCategory(),
                "status", incident.getStatus().name()).increment();
        DistributionSummary.builder("incidents.event.lag")
                .description("wall clock at emit minus the event time of the incident's newest evidence")
                .baseUnit("seconds")
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(Math.max(0, WALL.millis() - incident.getLastSeen().toEpochMilli()) / 1000.0);
    }

    /** The transitions counted so far (all categories), for tests and the demo summary. */
    public static double transitions() {
        return total("incidents.transitions");
    }

    /** The signals counted late so far, for tests. */
    public static double lateSignals() {
        return total("incidents.signals.late");
    }

    private static double total(String counter) {
        return registry().find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static MeterRegistry registry() {
        return Metrics.globalRegistry;
    }
}
