package dev.incidents.analyzer.notify;

import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import java.time.Instant;

/**
 * One record of {@code k8s.incidents.json} as the notifier handles it: the incident read back with
 * {@link IncidentJson#fromJson}, and the JSON as it was written (the webhook and the dead-letter topic forward the
 * analyzer's bytes, not a re-rendering).
 */
public record Transition(Incident incident, String json) {

    public static Transition parse(String json) {
        return new Transition(IncidentJson.fromJson(json), json);
    }

    public String id() {
        return incident.getId();
    }

    public int occurrence() {
        return incident.getOccurrence();
    }

    public IncidentStatus status() {
        return incident.getStatus();
    }

    public Instant lastSeen() {
        return incident.getLastSeen();
    }

    /** The incident's occurrence: a resolved incident that reopens is a new occurrence, with a new thread. */
    public String occurrenceKey() {
        return id() + "#" + occurrence();
    }

    /** Whether this transition comes after what was delivered of the same occurrence (by status, then lastSeen). */
    public boolean isAfter(DeliveryLog.Entry delivered) {
        return DeliveryLog.Entry.of(this, null, null).isAfter(delivered);
    }
}
