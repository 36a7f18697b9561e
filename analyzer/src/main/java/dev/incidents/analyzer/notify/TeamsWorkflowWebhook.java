package dev.incidents.analyzer.notify;

import java.net.URI;
import java.util.Map;

/**
 * A Microsoft Teams channel through a Workflows webhook (the successor of Office 365 connectors, retired in 2024–25):
 * one Adaptive Card per transition ({@link TeamsCard}); the flow answers {@code 202 Accepted}. No threads: a Workflows
 * webhook returns no message id to reply to.
 */
public final class TeamsWorkflowWebhook implements Destination {
    private final URI url;
    private final HttpPost http;

    public TeamsWorkflowWebhook(URI url, HttpPost http) {
        this.url = url;
        this.http = http;
    }

    @Override
    public String id() {
        return "teams-" + Hashes.shortHash(url.toString());
    }

    @Override
    public String kind() {
        return "teams";
    }

    @Override
    public DeliveryLog.Entry deliver(Transition t, DeliveryLog.Entry previous) throws DeliveryException {
        http.send(url, "application/json", TeamsCard.render(t.incident()).toString(), Map.of());
        return DeliveryLog.Entry.of(t, null, null);
    }
}
