package dev.incidents.analyzer.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What {@code notify} counts per destination, on {@code /metrics} as {@code incidents_notify_delivered_total},
 * {@code _retried_total}, {@code _failed_total} (dead-lettered), {@code _muted_total} (min-severity or a mute rule,
 * by {@code reason}) and {@code _skipped_total} (a redelivered duplicate or an update within the rate limit).
 */
public final class NotifyMeters {
    private final MeterRegistry registry;

    public NotifyMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void delivered(Destination d) {
        counter("incidents.notify.delivered", d).increment();
    }

    void retried(Destination d) {
        counter("incidents.notify.retried", d).increment();
    }

    void failed(Destination d) {
        counter("incidents.notify.failed", d).increment();
    }

    void muted(Destination d, String reason) {
        registry.counter("incidents.notify.muted", "destination", d.id(), "kind", d.kind(), "reason", reason).increment();
    }

    void skipped(Destination d, String reason) {
        registry.counter("incidents.notify.skipped", "destination", d.id(), "kind", d.kind(), "reason", reason).increment();
    }

    /** A counter's total over all its tags for one destination kind, for tests. */
    public double total(String name, String kind) {
        return registry.find(name).tag("kind", kind).counters().stream().mapToDouble(Counter::count).sum();
    }

    private Counter counter(String name, Destination d) {
        return registry.counter(name, "destination", d.id(), "kind", d.kind());
    }
}
