package dev.incidents.analyzer.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.kafka.testing.KafkaBrokerExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code notify --alertmanager} against the real Alertmanager 0.25 (Debian {@code prometheus-alertmanager}), checked
 * through Alertmanager's own API v2: the demo recording's seven OPEN transitions fire seven alerts with the
 * incident's labels; a silence created through the API suppresses the one it matches; the three RESOLVED transitions
 * end their alerts; a restarted notifier re-asserts the four still open (they are re-posted, and still four).
 */
@ExtendWith(KafkaBrokerExtension.class)
class AlertmanagerIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void alerts_fire_with_the_incident_labels_a_silence_mutes_them_and_resolved_ends_them() throws Exception {
        List<String> demo = Transitions.demo();
        try (AlertmanagerProcess am = AlertmanagerProcess.start(Path.of("target", "alertmanager-it-" + System.nanoTime()).toAbsolutePath());
             NotifyRun notify = new NotifyRun()) {
            notify.produce(demo.subList(0, 7));
            notify.start("--alertmanager", am.url.toString(), "--alertmanager-resend", "PT2S");

            await().atMost(Duration.ofSeconds(30)).until(() -> alerts(am).size() == 7);
            JsonNode triton = byAlertname(alerts(am)).get("IMAGE_PULL_DISK_FULL/Deployment/triton");
            assertThat(JSON.convertValue(triton.path("labels"), new TypeReference<Map<String, String>>() { })).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "alertname", "IMAGE_PULL_DISK_FULL", "severity", "critical", "cluster", "prod-us-east-1",
                    "namespace", "inference", "workload", "Deployment/triton",
                    "incident_id", "prod-us-east-1/inference/Deployment/triton/IMAGE_PULL_DISK_FULL"));
            assertThat(triton.path("annotations").path("summary").asText())
                    .isEqualTo("Image pull for triton fails: no space left on ip-10-0-1-149.ec2.internal");
            assertThat(triton.path("annotations").path("commands").asText())
                    .startsWith("kubectl describe node ip-10-0-1-149.ec2.internal");
            assertThat(triton.path("startsAt").asText()).startsWith("2025-03-14T10:03:08");
            assertThat(triton.path("status").path("state").asText()).isEqualTo("active");

            String silence = silence(am, "PROBE_FAILURE");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode probe = byAlertname(alerts(am)).get("PROBE_FAILURE/Deployment/vllm-mistral");
                return probe.path("status").path("state").asText().equals("suppressed")
                        && probe.path("status").path("silencedBy").toString().contains(silence);
            });
            assertThat(alerts(am)).filteredOn(a -> a.path("status").path("state").asText().equals("active")).hasSize(6);

            notify.produce(demo.subList(7, 10));
            await().atMost(Duration.ofSeconds(30)).until(() -> byAlertname(alerts(am)).keySet().equals(new TreeSet<>(List.of(
                    "INSUFFICIENT_GPU/Deployment/llm-summarizer", "OOM_KILLED/Deployment/embedding-worker",
                    "PROBE_FAILURE/Deployment/vllm-mistral", "REPLICA_CREATE_FAILED/Deployment/triton-ensemble"))));
            assertThat(notify.metric("incidents_notify_delivered_total", "kind=\"alertmanager\"")).isEqualTo(10.0);
            // re-posted every 2 s with endsAt = now + 4 x 2 s: open alerts never reach Alertmanager's resolve timeout
            Instant endsAt = Instant.parse(byAlertname(alerts(am)).get("OOM_KILLED/Deployment/embedding-worker").path("endsAt").asText());
            assertThat(endsAt).isAfter(Instant.now().plusSeconds(3));
            assertThat(notify.stop()).isZero();

            Map<String, String> updatedBefore = updatedAt(alerts(am));
            notify.start("--alertmanager", am.url.toString(), "--alertmanager-resend", "PT2S");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<String, String> now = updatedAt(alerts(am));
                return now.keySet().equals(updatedBefore.keySet()) && now.entrySet().stream()
                        .allMatch(e -> !e.getValue().equals(updatedBefore.get(e.getKey())));
            });
            assertThat(alerts(am)).hasSize(4);
            // the re-assertion came from the topic, not from redelivered transitions: the group's offsets held
            assertThat(notify.metric("incidents_notify_delivered_total", "kind=\"alertmanager\"")).isZero();
        }
    }

    @Test
    void the_readme_route_example_is_a_config_alertmanager_accepts(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("basedir", "."), "..", "README.md"));
        Matcher example = Pattern
                .compile("### Alertmanager routing.*?```yaml\\n(.*?\\n)```\\n", Pattern.DOTALL).matcher(readme);
        assertThat(example.find()).as("README has the Alertmanager route example").isTrue();
        // the *_file secrets it names must exist for the check: put placeholders where it points
        Files.writeString(dir.resolve("pagerduty-key"), "placeholder");
        Files.writeString(dir.resolve("slack-webhook"), "https://hooks.slack.com/services/T0/B0/x");
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, example.group(1).replace("/etc/alertmanager/secrets", dir.toString()));
        Path amtool = AlertmanagerProcess.binary().resolveSibling("amtool");
        Process check = new ProcessBuilder(amtool.toString(), "check-config", config.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(output).isZero();
        assertThat(output).contains("SUCCESS", "1 inhibit rules", "2 receivers");
    }

    static List<JsonNode> alerts(AlertmanagerProcess am) throws Exception {
        HttpResponse<String> response = NotifyRun.HTTP.send(HttpRequest.newBuilder(am.url.resolve("/api/v2/alerts")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(response.body()).forEach(out::add);
        return out;
    }

    /** Alerts by {@code alertname/workload} (or {@code alertname/node}). */
    static Map<String, JsonNode> byAlertname(List<JsonNode> alerts) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode a : alerts) {
            JsonNode labels = a.path("labels");
            out.put(labels.path("alertname").asText() + "/"
                    + (labels.has("workload") ? labels.path("workload").asText() : labels.path("node").asText()), a);
        }
        return out;
    }

    static Map<String, String> updatedAt(List<JsonNode> alerts) {
        Map<String, String> out = new TreeMap<>();
        byAlertname(alerts).forEach((k, v) -> out.put(k, v.path("updatedAt").asText()));
        return out;
    }

    /** POST /api/v2/silences for one alertname, for an hour; returns the silence id. */
    static String silence(AlertmanagerProcess am, String alertname) throws Exception {
        Instant now = Instant.now();
        String body = JSON.createObjectNode()
                .<ObjectNode>set("matchers", JSON.createArrayNode().add(JSON.createObjectNode()
                        .put("name", "alertname").put("value", alertname).put("isRegex", false).put("isEqual", true)))
                .put("startsAt", now.toString()).put("endsAt", now.plusSeconds(3600).toString())
                .put("createdBy", "AlertmanagerIT").put("comment", "probe budget being raised")
                .toString();
        HttpResponse<String> response = NotifyRun.HTTP.send(HttpRequest.newBuilder(am.url.resolve("/api/v2/silences"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("silenceID").asText();
    }

}
