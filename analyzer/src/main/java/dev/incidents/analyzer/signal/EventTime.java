package dev.incidents.analyzer.signal;

import dev.incidents.schemas.KubeEvent;
import java.time.Instant;

/** The event time of a Kubernetes Event: when it was last observed. */
public final class EventTime {
    private EventTime() {
    }

    /** lastTimestamp, else eventTime (events.k8s.io/v1 without series), else firstTimestamp; null when none. */
    public static Instant ofOrNull(KubeEvent event) {
        if (event.getLastTimestamp() != null) {
            return event.getLastTimestamp();
        }
        if (event.getEventTime() != null) {
            return event.getEventTime();
        }
        return event.getFirstTimestamp();
    }

    public static Instant of(KubeEvent event) {
        Instant t = ofOrNull(event);
        return t == null ? Instant.EPOCH : t;
    }
}
