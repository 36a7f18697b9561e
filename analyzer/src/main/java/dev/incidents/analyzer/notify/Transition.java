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

    /** Whether this transition comes after {@code status}/{@code lastSeen} of the same occurrence. */
    public boolean isAfter(IncidentStatus status, Instant lastSeen) {
        int byStatus = Integer.compare(status().ordinal(), status.ordinal());
        return byStatus > 0 || (byStatus == 0 && lastSeen().isAfter(lastSeen));
    }
}
