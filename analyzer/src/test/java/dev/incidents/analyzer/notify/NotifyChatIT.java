package dev.incidents.analyzer.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.analyzer.notify.RecordingHttpServer.Answer;
import dev.incidents.analyzer.notify.RecordingHttpServer.Request;
import dev.incidents.kafka.testing.KafkaBrokerExtension;
import dev.incidents.schemas.IncidentStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code notify} on a real broker against local servers that answer as Slack's Web API, a Slack incoming webhook, a
 * Teams Workflows webhook and a CloudEvents receiver document it. One run covers what the issue asks of chat
 * delivery: one thread per incident with follow-ups in it and the parent edited; a mute counted, not sent; an
 * UPDATED within the rate limit held back; a 429 retried after its Retry-After; a destination that keeps failing
 * dead-lettered with the reason while the others get everything; a record that is not an incident dead-lettered; and
 * a restart whose offsets were lost (a crash between delivery and commit) posting nothing twice and losing no thread.
 */
@ExtendWith(KafkaBrokerExtension.class)
class NotifyChatIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void threads_mutes_rate_limits_retries_dead_letters_and_restarts() throws Exception {
        AtomicInteger ts = new AtomicInteger(100);
        List<String> demo = Transitions.demo();
        try (RecordingHttpServer slack = new RecordingHttpServer(r -> Answer.of(200, r.path().endsWith("chat.update")
                     ? "{\"ok\":true,\"channel\":\"C0INCIDENTS\",\"ts\":\"" + threadOf(r) + "\"}"
                     : "{\"ok\":true,\"channel\":\"C0INCIDENTS\",\"ts\":\"1733140000.000" + ts.getAndIncrement() + "\"}"));
             RecordingHttpServer slackHook = new RecordingHttpServer(r -> Answer.of(200, "ok"));
             RecordingHttpServer teams = new RecordingHttpServer(r -> Answer.of(500, "flow failed"));
             RecordingHttpServer receiver = new RecordingHttpServer(r -> Answer.of(202, ""));
             NotifyRun notify = new NotifyRun()) {
            receiver.then(new Answer(429, "slow down", Map.of("Retry-After", "1")));
            notify.produce(demo.subList(0, 7));
            notify.produceRaw("garbage", "{\"not\":\"an incident\"}");
            String[] options = {
                    "--slack-token", "xoxb-test", "--slack-channel", "#gpu-oncall", "--slack-api-url", slack.url("/api/").toString(),
                    "--slack-webhook", slackHook.url("/services/T0/B0/x").toString(),
                    "--teams-webhook", teams.url("/workflows/run").toString(),
                    "--webhook", receiver.url("/events").toString(),
                    "--mute", "category=OOM_KILLED", "--retry-attempts", "3", "--retry-backoff", "PT0.1S",
                    "--channel-spacing", "PT0.05S"};
            notify.start(options);

            // six OPEN (the OOM_KILLED one is muted), each a new thread on Slack, each once everywhere else
            await().atMost(Duration.ofSeconds(30)).until(() -> slack.requests("/api/chat.postMessage").size() == 6
                    && slackHook.requests().size() == 6 && receiver.requests().size() == 7
                    && notify.read(notify.dlq).size() == 6 + 4);
            assertThat(slack.requests("/api/chat.postMessage")).allSatisfy(r -> assertThat(body(r).has("thread_ts")).isFalse());
            assertThat(slack.requests()).extracting(r -> body(r).path("text").asText()).noneMatch(t -> t.contains("OOM_KILLED"));
            assertThat(notify.metric("incidents_notify_muted_total", "kind=\"slack\"", "reason=\"mute category=OOM_KILLED\"")).isEqualTo(1.0);

            // the webhook's 429 was retried after its Retry-After, and the retry carried the same event
            List<Request> events = receiver.requests();
            assertThat(events.get(1).atNanos() - events.get(0).atNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1000));
            assertThat(body(events.get(1))).isEqualTo(body(events.get(0)));
            assertThat(events.get(0).header("Content-Type")).startsWith("application/cloudevents+json");
            assertThat(body(events.get(0)).path("type").asText()).isEqualTo("dev.incidents.incident.open");
            assertThat(notify.metric("incidents_notify_retried_total", "kind=\"webhook\"")).isEqualTo(1.0);

            // Teams kept failing: each transition dead-lettered with the reason, after 3 attempts each
            assertThat(teams.requests()).hasSize(6 * 3);
            List<ConsumerRecord<String, String>> dead = notify.read(notify.dlq);
            List<ConsumerRecord<String, String>> teamsDead = dead.stream()
                    .filter(r -> header(r, DeadLetters.DESTINATION).startsWith("teams-")).toList();
            assertThat(teamsDead).hasSize(7);
            assertThat(teamsDead.stream().filter(r -> header(r, DeadLetters.REASON)
                    .equals("HTTP 500 from 127.0.0.1: flow failed (after 3 attempts)"))).hasSize(6);
            assertThat(teamsDead.get(0).key()).isEqualTo("prod-us-east-1/inference/Deployment/triton/IMAGE_PULL_DISK_FULL");
            assertThat(teamsDead.get(0).value()).isEqualTo(demo.get(0));
            assertThat(header(teamsDead.get(0), DeadLetters.SOURCE_TOPIC)).isEqualTo(notify.topic);
            // the record that is not an incident: one dead letter per destination, saying so
            assertThat(dead.stream().filter(r -> header(r, DeadLetters.REASON).startsWith("not an incident JSON"))).hasSize(4);
            assertThat(notify.metric("incidents_notify_failed_total", "kind=\"teams\"")).isEqualTo(7.0);

            Map<String, String> threads = new HashMap<>();
            for (Request r : slack.requests("/api/chat.postMessage")) {
                threads.put(body(r).path("metadata").path("event_payload").path("incident_id").asText(), threadOf(r, slack));
            }
            assertThat(notify.stop()).isZero();

            // a crash between delivery and commit, as the next instance sees it: the group's offsets are gone
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", notify.bootstrap))) {
                admin.alterConsumerGroupOffsets(notify.prefix + ".slack-_gpu-oncall",
                        Map.of(new TopicPartition(notify.topic, 0), new OffsetAndMetadata(0))).all().get(30, TimeUnit.SECONDS);
            }
            teams.answerAlways(r -> Answer.of(202, ""));
            notify.produce(
                    // an UPDATED 1 minute after the OPEN: within --update-interval (5 min), held back
                    Transitions.edited(Transitions.indexOf("PROBE_FAILURE", "OPEN"), b -> b.setStatus(IncidentStatus.UPDATED).setLastSeen(b.getLastSeen().plusSeconds(60))),
                    // and one 10 minutes after it: a reply in the thread
                    Transitions.edited(Transitions.indexOf("PROBE_FAILURE", "OPEN"), b -> b.setStatus(IncidentStatus.UPDATED).setLastSeen(b.getLastSeen().plusSeconds(600))));
            notify.produce(demo.subList(7, 10));
            notify.start(options);

            await().atMost(Duration.ofSeconds(30)).until(() -> slack.requests("/api/chat.update").size() == 4);
            List<Request> posts = slack.requests("/api/chat.postMessage");
            assertThat(posts).hasSize(6 + 4);
            for (Request reply : posts.subList(6, 10)) {
                JsonNode b = body(reply);
                String incident = b.path("metadata").path("event_payload").path("incident_id").asText();
                assertThat(b.path("thread_ts").asText()).as(incident).isEqualTo(threads.get(incident));
                assertThat(b.path("channel").asText()).isEqualTo("C0INCIDENTS");
            }
            assertThat(body(posts.get(6)).path("text").asText()).startsWith("[UPDATED] WARNING PROBE_FAILURE");
            assertThat(posts.subList(7, 10)).allSatisfy(r -> assertThat(body(r).path("text").asText()).startsWith("[RESOLVED]"));
            for (Request update : slack.requests("/api/chat.update")) {
                String incident = body(update).path("metadata").path("event_payload").path("incident_id").asText();
                assertThat(body(update).path("ts").asText()).isEqualTo(threads.get(incident));
            }
            assertThat(notify.metric("incidents_notify_skipped_total", "kind=\"slack\"", "reason=\"duplicate\"")).isEqualTo(6.0);

            // the others, whose offsets held: the UPDATED within the rate limit of what they got is held back, except on
            // Teams, which never got the OPEN (dead-lettered) and so takes both; Teams answers 202 now
            await().atMost(Duration.ofSeconds(30)).until(() -> teams.requests().size() == 18 + 5
                    && slackHook.requests().size() == 6 + 4 && receiver.requests().size() == 7 + 4);
            for (Request card : teams.requests().subList(18, 23)) {
                JsonNode attachment = body(card).path("attachments").get(0);
                assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
                assertThat(attachment.path("content").path("type").asText()).isEqualTo("AdaptiveCard");
            }
            assertThat(slackHook.requests()).allSatisfy(r -> {
                assertThat(body(r).path("blocks").isArray()).isTrue();
                assertThat(body(r).has("thread_ts")).isFalse();
            });
            assertThat(body(slackHook.requests().get(9)).path("text").asText()).startsWith("[RESOLVED]");
            assertThat(receiver.requests().subList(7, 11)).extracting(r -> body(r).path("type").asText()).containsExactly(
                    "dev.incidents.incident.updated", "dev.incidents.incident.resolved", "dev.incidents.incident.resolved",
                    "dev.incidents.incident.resolved");
            assertThat(notify.metric("incidents_notify_skipped_total", "kind=\"slack\"", "reason=\"rate-limited\"")).isEqualTo(1.0);
        }
    }

    static JsonNode body(Request r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(r.body(), e);
        }
    }

    static String threadOf(Request r) {
        return body(r).path("ts").asText();
    }

    /** The ts Slack answered for a top-level post: the servers' answers are not recorded, so recompute from order. */
    static String threadOf(Request post, RecordingHttpServer slack) {
        int index = slack.requests("/api/chat.postMessage").indexOf(post);
        return "1733140000.000" + (100 + index);
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        return r.headers().lastHeader(name) == null ? ""
                : new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
