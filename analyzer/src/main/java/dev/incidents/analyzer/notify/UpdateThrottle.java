package dev.incidents.analyzer.notify;

import dev.incidents.schemas.IncidentStatus;
import java.time.Duration;

/**
 * At most one UPDATED message per incident per {@code interval} of event time, measured from what the destination
 * got last (the {@link DeliveryLog} entry, so the limit survives restarts). OPEN and RESOLVED always go: the first
 * and the last word on an incident are never noise, and the RESOLVED message carries the final state anyway. The
 * analyzer already limits UPDATED per incident on the topic ({@code incidents.update.min.interval}); this is the chat
 * channel's own limit on top.
 */
public record UpdateThrottle(Duration interval) {

    public boolean holdsBack(Transition t, DeliveryLog.Entry previous) {
        if (t.status() != IncidentStatus.UPDATED || previous == null) {
            return false;
        }
        return Duration.between(previous.lastSeen(), t.lastSeen()).compareTo(interval) < 0;
    }
}
