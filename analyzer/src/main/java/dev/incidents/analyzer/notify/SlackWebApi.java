package dev.incidents.analyzer.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.schemas.IncidentStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

/**
 * A Slack channel through the Web API: the OPEN transition is posted with {@code chat.postMessage} and its
 * {@code ts} becomes the incident's thread; UPDATED and RESOLVED are replies in it ({@code thread_ts}) and then edit
 * the parent ({@code chat.update}) so the channel shows the current status. A follow-up with no thread known (the
 * notifier started after the OPEN) starts one.
 *
 * <p>Slack answers HTTP 200 with {@code "ok": false} and an {@code error} for most failures: the ones its docs list as
 * transient are retried, the rest ({@code channel_not_found}, {@code not_in_channel}, {@code invalid_auth}, ...) are
 * final. Rate limits come as HTTP 429 with {@code Retry-After} (chat.postMessage allows about one message per second
 * per channel). Every message carries {@code metadata} naming the incident transition, so a message posted just
 * before a crash can be told apart by anyone reading the channel's history.
 */
public final class SlackWebApi implements Destination {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Errors Slack documents as worth retrying; any other {@code ok:false} is final. */
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout", "team_added_to_org");

    private final URI api;
    private final String token;
    private final String channel;
    private final HttpPost http;

    /** {@code api} is the Web API base, {@code https://slack.com/api/} unless a test or proxy says otherwise. */
    public SlackWebApi(URI api, String token, String channel, HttpPost http) {
        this.api = api.toString().endsWith("/") ? api : URI.create(api + "/");
        this.token = token;
        this.channel = channel;
        this.http = http;
    }

    @Override
    public String id() {
        return "slack-" + channel.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    @Override
    public String kind() {
        return "slack";
    }

    @Override
    public DeliveryLog.Entry deliver(Transition t, DeliveryLog.Entry previous) throws DeliveryException {
        ObjectNode rendered = SlackMessage.render(t.incident());
        String thread = previous == null ? null : previous.thread();
        String channelId = previous == null || previous.channel() == null ? channel : previous.channel();
        if (thread == null || t.status() == IncidentStatus.OPEN) {
            JsonNode posted = call("chat.postMessage", message(rendered, channel, null, t));
            return DeliveryLog.Entry.of(t, posted.path("ts").asText(), posted.path("channel").asText(channel));
        }
        call("chat.postMessage", message(rendered, channelId, thread, t));
        ObjectNode update = message(rendered, channelId, null, t);
        update.put("ts", thread);
        call("chat.update", update);
        return DeliveryLog.Entry.of(t, thread, channelId);
    }

    private static ObjectNode message(ObjectNode rendered, String channel, String thread, Transition t) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("channel", channel);
        if (thread != null) {
            body.put("thread_ts", thread);
        }
        body.setAll(rendered.deepCopy());
        // no parse=full, no link_names: Slack then neither links names nor turns "@channel" into a mention
        body.put("unfurl_links", false);
        body.put("unfurl_media", false);
        ObjectNode metadata = body.putObject("metadata");
        metadata.put("event_type", "incident_transition");
        metadata.putObject("event_payload")
                .put("incident_id", t.id())
                .put("occurrence", t.occurrence())
                .put("status", t.status().name())
                .put("last_seen", String.valueOf(t.lastSeen()));
        return body;
    }

    private JsonNode call(String method, ObjectNode body) throws DeliveryException {
        HttpResponse<String> response = http.send(api.resolve(method), "application/json; charset=utf-8",
                body.toString(), Map.of("Authorization", "Bearer " + token));
        JsonNode answer;
        try {
            answer = MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw DeliveryException.retryable(method + ": not a Slack answer: " + HttpPost.abbreviate(response.body()));
        }
        if (answer.path("ok").asBoolean(false)) {
            return answer;
        }
        String error = answer.path("error").asText("unknown_error");
        String reason = method + ": " + error;
        if (TRANSIENT.contains(error)) {
            throw new DeliveryException(reason, true, http.retryAfter(response));
        }
        throw DeliveryException.permanent(reason);
    }
}
