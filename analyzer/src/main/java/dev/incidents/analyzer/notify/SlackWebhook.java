package dev.incidents.analyzer.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;

/**
 * A Slack incoming webhook: the same rendering as {@link SlackWebApi}, one message per transition and no threads (a
 * webhook answers {@code ok}, not a {@code ts}, and cannot edit). Failures are HTTP statuses with a plain-text reason
 * ({@code 400 invalid_payload}, {@code 403 action_prohibited}, {@code 404 channel_not_found}, {@code 410
 * channel_is_archived}, {@code 429} with {@code Retry-After}).
 */
public final class SlackWebhook implements Destination {
    private final URI url;
    private final HttpPost http;

    public SlackWebhook(URI url, HttpPost http) {
        this.url = url;
        this.http = http;
    }

    @Override
    public String id() {
        return "slack-webhook-" + Hashes.shortHash(url.toString());
    }

    @Override
    public String kind() {
        return "slack-webhook";
    }

    @Override
    public DeliveryLog.Entry deliver(Transition t, DeliveryLog.Entry previous) throws DeliveryException {
        ObjectNode message = SlackMessage.render(t.incident());
        message.put("unfurl_links", false);
        message.put("unfurl_media", false);
        http.send(url, "application/json; charset=utf-8", message.toString(), Map.of());
        return DeliveryLog.Entry.of(t, null, null);
    }
}
