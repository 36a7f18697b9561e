package dev.incidents.analyzer.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Alertmanager (API v2, {@code POST /api/v2/alerts}); give {@code --alertmanager} once per member of an HA
 * pair, as Prometheus does, and each gets every alert.
 *
 * <p>Alertmanager resolves a firing alert by itself at its {@code endsAt}, so, as Prometheus does, the open alerts
 * are re-posted every {@code resend} interval with {@code endsAt = now + 4 × resend}: a notifier that stops keeps its
 * alerts for that long, not forever. At start the open set comes from the incident topic ({@link IncidentSnapshot}), so
 * a restart re-asserts what is open; Alertmanager identifies alerts by their labels, so that is no duplicate.
 */
public final class Alertmanager implements Destination {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI alerts;
    private final String origin;
    private final Duration resend;
    private final String runbookTemplate;
    private final HttpPost http;
    private final Clock clock;
    private final Map<String, Incident> open = new LinkedHashMap<>();
    private final Map<String, Incident> atStart = new HashMap<>();
    private Instant lastResend = Instant.EPOCH;

    public Alertmanager(URI base, Duration resend, String runbookTemplate, HttpPost http, Clock clock) {
        String b = base.toString();
        this.alerts = URI.create(b.endsWith("/") ? b : b + "/").resolve("api/v2/alerts");
        this.origin = base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
        this.resend = resend;
        this.runbookTemplate = runbookTemplate;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "alertmanager-" + origin.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    @Override
    public String kind() {
        return "alertmanager";
    }

    @Override
    public boolean deduplicates() {
        return false;
    }

    /**
     * The latest state of each incident at start: the open ones are re-asserted on the first tick, and a transition
     * older than what is known (a backlog read with {@code --from-beginning}, offsets lost) is not posted, so an
     * incident resolved since does not fire again for a moment.
     */
    public synchronized void seed(Collection<Incident> latest) {
        for (Incident i : latest) {
            atStart.put(i.getId(), i);
            if (i.getStatus() != IncidentStatus.RESOLVED) {
                open.put(i.getId(), i);
            }
        }
        lastResend = Instant.EPOCH;
    }

    public synchronized int openAlerts() {
        return open.size();
    }

    public synchronized boolean isOpen(String incidentId) {
        return open.containsKey(incidentId);
    }

    @Override
    public synchronized DeliveryLog.Entry deliver(Transition t, DeliveryLog.Entry previous) throws DeliveryException {
        if (superseded(t)) {
            return null;
        }
        Instant now = clock.instant();
        ArrayNode batch = MAPPER.createArrayNode();
        batch.add(AlertmanagerAlert.render(t.incident(), now, now.plus(resend.multipliedBy(4)), runbookTemplate));
        post(batch);
        if (t.status() == IncidentStatus.RESOLVED) {
            open.remove(t.id());
        } else {
            open.put(t.id(), t.incident());
        }
        return null;
    }

    @Override
    public synchronized void tick(Instant now) throws DeliveryException {
        if (open.isEmpty() || Duration.between(lastResend, now).compareTo(resend) < 0) {
            return;
        }
        lastResend = now;
        ArrayNode batch = MAPPER.createArrayNode();
        for (Incident i : open.values()) {
            batch.add(AlertmanagerAlert.render(i, now, now.plus(resend.multipliedBy(4)), runbookTemplate));
        }
        post(batch);
    }

    private boolean superseded(Transition t) {
        Incident known = atStart.get(t.id());
        if (known == null) {
            return false;
        }
        if (known.getOccurrence() != t.occurrence()) {
            return known.getOccurrence() > t.occurrence();
        }
        return new DeliveryLog.Entry(known.getStatus(), known.getLastSeen(), null, null)
                .isAfter(DeliveryLog.Entry.of(t, null, null));
    }

        private void post(ArrayNode batch) throws DeliveryException {
        http.send(alerts, "application/json", batch.toString(), Map.of());
    }
}
