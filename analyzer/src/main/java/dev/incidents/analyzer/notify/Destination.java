package dev.incidents.analyzer.notify;

import java.time.Instant;

/**
 * Where transitions go: one Alertmanager, one Slack channel, one webhook. Each destination is consumed by its own
 * loop and consumer group ({@link DestinationLoop}), so a slow or failing one never holds the others up.
 */
public interface Destination {

    /** Stable across restarts for the same option value: the consumer group suffix and the delivery log's key. */
    String id();

    /** The kind for metrics and logs: {@code alertmanager}, {@code slack}, {@code slack-webhook}, {@code teams}, {@code webhook}. */
    String kind();

    /**
     * Whether a duplicate must be suppressed by the {@link DeliveryLog} (chat messages); an Alertmanager is idempotent
     * by labels and does without.
     */
    default boolean deduplicates() {
        return true;
    }

    /** Delivers one transition; {@code previous} is what was delivered before for the same occurrence, or null. */
    DeliveryLog.Entry deliver(Transition transition, DeliveryLog.Entry previous) throws DeliveryException;

    /** Called between polls: an Alertmanager re-asserts its open alerts before they time out. */
    default void tick(Instant now) throws DeliveryException {
    }
}
