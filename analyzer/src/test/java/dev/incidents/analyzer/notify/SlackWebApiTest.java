package dev.incidents.analyzer.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.analyzer.notify.RecordingHttpServer.Answer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a local server answering as Slack's Web API documents it (chat.postMessage, chat.update). */
class SlackWebApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    final RecordingHttpServer slack;
    final SlackWebApi destination;

    SlackWebApiTest() throws Exception {
        slack = new RecordingHttpServer(r -> Answer.of(200, "{\"ok\":true,\"channel\":\"C0INCIDENTS\",\"ts\":\"1733140000.000100\"}"));
        destination = new SlackWebApi(slack.url("/api/"), "xoxb-test", "#gpu-oncall", new HttpPost(Clock.systemUTC()));
    }

    @AfterEach
    void close() {
        slack.close();
    }

    @Test
    void open_starts_a_thread_and_a_follow_up_replies_in_it_then_edits_the_parent() throws Exception {
        DeliveryLog.Entry opened = destination.deliver(Transitions.demo(0), null);

        assertThat(opened.thread()).isEqualTo("1733140000.000100");
        assertThat(opened.channel()).isEqualTo("C0INCIDENTS");
        RecordingHttpServer.Request post = slack.requests().get(0);
        assertThat(post.path()).isEqualTo("/api/chat.postMessage");
        assertThat(post.header("Authorization")).isEqualTo("Bearer xoxb-test");
        assertThat(post.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        JsonNode body = JSON.readTree(post.body());
        assertThat(body.path("channel").asText()).isEqualTo("#gpu-oncall");
        assertThat(body.has("thread_ts")).isFalse();
        assertThat(body.path("text").asText()).startsWith("[OPEN] CRITICAL IMAGE_PULL_DISK_FULL");
        assertThat(body.path("blocks").isArray()).isTrue();
        assertThat(body.path("metadata").path("event_type").asText()).isEqualTo("incident_transition");
        assertThat(body.path("metadata").path("event_payload").path("incident_id").asText())
                .isEqualTo("prod-us-east-1/inference/Deployment/triton/IMAGE_PULL_DISK_FULL");

        DeliveryLog.Entry resolved = destination.deliver(Transitions.demo(8), opened);

        assertThat(resolved.thread()).isEqualTo(opened.thread());
        List<RecordingHttpServer.Request> requests = slack.requests();
        assertThat(requests).extracting(RecordingHttpServer.Request::path)
                .containsExactly("/api/chat.postMessage", "/api/chat.postMessage", "/api/chat.update");
        JsonNode reply = JSON.readTree(requests.get(1).body());
        assertThat(reply.path("channel").asText()).isEqualTo("C0INCIDENTS");
        assertThat(reply.path("thread_ts").asText()).isEqualTo("1733140000.000100");
        assertThat(reply.path("text").asText()).startsWith("[RESOLVED]");
        JsonNode update = JSON.readTree(requests.get(2).body());
        assertThat(update.path("ts").asText()).isEqualTo("1733140000.000100");
        assertThat(update.path("channel").asText()).isEqualTo("C0INCIDENTS");
        assertThat(update.path("blocks").get(0).path("text").path("text").asText())
                .startsWith("*:large_green_circle: RESOLVED* · CRITICAL");
    }

    @Test
    void a_follow_up_without_a_known_thread_starts_one() throws Exception {
        DeliveryLog.Entry entry = destination.deliver(Transitions.demo(8), null);

        assertThat(entry.thread()).isEqualTo("1733140000.000100");
        assertThat(slack.requests()).extracting(RecordingHttpServer.Request::path).containsExactly("/api/chat.postMessage");
        assertThat(JSON.readTree(slack.requests().get(0).body()).has("thread_ts")).isFalse();
    }

    @Test
    void ok_false_is_final_unless_slack_documents_it_as_transient_and_429_carries_retry_after() {
        slack.then(Answer.of(200, "{\"ok\":false,\"error\":\"channel_not_found\"}"),
                Answer.of(200, "{\"ok\":false,\"error\":\"internal_error\"}"),
                new Answer(429, "", Map.of("Retry-After", "3")));

        assertThatThrownBy(() -> destination.deliver(Transitions.demo(0), null))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("chat.postMessage: channel_not_found");
                    assertThat(e.retryable()).isFalse();
                });
        assertThatThrownBy(() -> destination.deliver(Transitions.demo(0), null))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> destination.deliver(Transitions.demo(0), null))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(e.getMessage()).startsWith("HTTP 429");
                });
    }
}
