package dev.incidents.analyzer.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/**
 * A destination that is one URL taking one POST per transition, with no message id to thread on: a Slack incoming
 * webhook, a Teams Workflows webhook, any CloudEvents receiver. They differ only in what they are sent, rendered per
 * platform in {@link SlackMessage}, {@link TeamsCard} and {@link CloudEvent}.
 *
 * <p>The URL is a credential (a Slack or Teams webhook URL lets anyone post), so the destination id is a hash of it.
 */
public final class Webhook implements Destination {
    private final String kind;
    private final URI url;
    private final String contentType;
    private final Function<Transition, ObjectNode> render;
    private final HttpPost http;

    private Webhook(String kind, URI url, String contentType, Function<Transition, ObjectNode> render, HttpPost http) {
        this.kind = kind;
        this.url = url;
        this.contentType = contentType;
        this.render = render;
        this.http = http;
    }

    /**
     * Slack incoming webhook: the {@link SlackWebApi}'s Block Kit message, one per transition (a webhook answers
     * {@code ok}, not a {@code ts}, and cannot edit). Failures are statuses with a plain-text reason ({@code 400
     * invalid_payload}, {@code 403 action_prohibited}, {@code 404 channel_not_found}, {@code 410 channel_is_archived},
     * {@code 429} with {@code Retry-After}).
     */
    public static Webhook slack(URI url, HttpPost http) {
        return new Webhook("slack-webhook", url, "application/json; charset=utf-8", t -> {
            ObjectNode message = SlackMessage.render(t.incident());
            message.put("unfurl_links", false);
            message.put("unfurl_media", false);
            return message;
        }, http);
    }

    /**
     * Microsoft Teams through a Workflows webhook (the successor of the Office 365 connectors retired in 2024–25): an
     * Adaptive Card per transition; the flow answers {@code 202 Accepted} and returns no message id to reply to.
     */
    public static Webhook teams(URI url, HttpPost http) {
        return new Webhook("teams", url, "application/json", t -> TeamsCard.render(t.incident()), http);
    }

    /** Any HTTP endpoint: each transition as a CloudEvents 1.0 structured event; a 2xx takes it. */
    public static Webhook cloudEvents(URI url, String source, HttpPost http) {
        return new Webhook("webhook", url, CloudEvent.CONTENT_TYPE, t -> CloudEvent.render(t, source), http);
    }

    @Override
    public String id() {
        return kind + "-" + Hashes.shortHash(url.toString());
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public DeliveryLog.Entry deliver(Transition t, DeliveryLog.Entry previous) throws DeliveryException {
        http.send(url, contentType, render.apply(t).toString(), Map.of());
        return DeliveryLog.Entry.of(t, null, null);
    }
}
