package dev.incidents.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.live.AnalyzeCommand;
import dev.incidents.analyzer.live.BoundedRocksDbMemory;
import dev.incidents.analyzer.live.IncidentFeed;
import dev.incidents.analyzer.replay.Replay;
import dev.incidents.kafka.testing.FreePorts;
import dev.incidents.kafka.testing.KafkaBrokerExtension;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recordings;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.KafkaClientConfig;
import dev.incidents.schemas.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * End to end on a real broker: {@code ship --from} the bundled recording, {@code analyze} running as users run it,
 * and what it publishes and serves compared with {@code replay} of the same file (live = offline).
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyzeIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path temp;

    static AnalyzeCommand analyze;
    static CompletableFuture<Integer> analyzeExit;
    static StringWriter analyzeErr = new StringWriter();
    static int httpPort;
    static IncidentFeed feed;
    static List<Incident> expected;

    @BeforeAll
    static void ship_the_recording_into_a_running_analyzer() throws IOException {
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        httpPort = FreePorts.one();
        Path settings = Files.writeString(temp.resolve("analyzer.properties"),
                AnalyzerConfig.IDLE_ADVANCE_INTERVAL + "=PT1S\n" + AnalyzerConfig.IDLE_ADVANCE_RATE + "=60\n");
        analyze = new AnalyzeCommand();
        CommandLine analyzeCli = new CommandLine(analyze);
        analyzeCli.setErr(new PrintWriter(analyzeErr, true));
        analyzeExit = CompletableFuture.supplyAsync(() -> analyzeCli.execute("--bootstrap-server", bootstrap,
                "--application-id", "analyze-it", "--state-dir", temp.resolve("state").toString(),
                "--http-bind", "127.0.0.1", "--http-port", String.valueOf(httpPort),
                "--application-server", "127.0.0.1:" + httpPort,
                "--partitions", "1", "--config", settings.toString()));
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> get("/readyz").statusCode() == 200);

        Map<String, Object> client = KafkaClientConfig.load(bootstrap, null, null);
        feed = new IncidentFeed(client, Topics.INCIDENTS_JSON, IncidentFeed.endOffsets(client, Topics.INCIDENTS_JSON), i -> { });

        StringWriter shipErr = new StringWriter();
        CommandLine ship = Main.commandLine();
        ship.setErr(new PrintWriter(shipErr, true));
        assertThat(ship.execute("ship", "--from", DemoIT.RECORDING.toString(), "--bootstrap-server", bootstrap))
                .as("ship --from; stderr:\n%s", shipErr).isZero();

        expected = Replay.run(Recordings.read(List.of(DemoIT.RECORDING), new ReadOptions(null, Instant.now()), r -> { }),
                AnalyzerConfig.defaults()).latest();
    }

    @AfterAll
    static void stop() throws Exception {
        if (feed != null) {
            feed.close();
        }
        if (analyze != null) {
            analyze.stop();
            assertThat(analyzeExit.get()).as("analyze exit status; stderr:\n%s", analyzeErr).isZero();
        }
    }

    @Test
    @Order(1)
    void the_json_topic_holds_exactly_replays_incidents_without_duplicate_transitions() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(states(feed.latest())).isEqualTo(states(expected)));
        assertThat(feed.duplicates()).isEmpty();
    }

    @Test
    @Order(2)
    void incidents_endpoint_serves_the_store_with_filters() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> all = get("/incidents");
            assertThat(all.statusCode()).isEqualTo(200);
            assertThat(all.headers().firstValue("Content-Type")).contains("application/json");
            List<String> served = new ArrayList<>();
            JSON.readTree(all.body()).forEach(i -> served.add(i.get("id").asText() + "=" + i.get("status").asText()));
            assertThat(served).containsExactlyInAnyOrderElementsOf(states(expected));
        });

        JsonNode oom = JSON.readTree(get("/incidents?category=oom_killed&namespace=inference").body());
        assertThat(oom).hasSize(1);
        assertThat(oom.get(0).get("workload").get("name").asText()).isEqualTo("embedding-worker");
        assertThat(oom.get(0).get("remediation").toString()).contains("embedding-worker");
        assertThat(JSON.readTree(get("/incidents?status=RESOLVED").body())).hasSize(
                (int) expected.stream().filter(i -> i.getStatus().name().equals("RESOLVED")).count());
        assertThat(JSON.readTree(get("/incidents?cluster=elsewhere").body())).isEmpty();
    }

    @Test
    @Order(3)
    void health_readiness_metrics_and_errors() throws Exception {
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/readyz").body()).isEqualTo("RUNNING\n");

        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        List<String> samples = metrics.body().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        // Prometheus text format: every sample line is `name{labels} value`, the value a float (NaN and +Inf included).
        assertThat(samples).allSatisfy(line -> {
            assertThat(line).matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})? \\S+");
            Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        });
        assertThat(samples).anyMatch(l -> l.startsWith("incidents_open{category=\"OOM_KILLED\",severity=\"CRITICAL\"} 1.0"))
                .anyMatch(l -> l.startsWith("incidents_transitions_total{category=\"INSUFFICIENT_GPU\",status=\"OPEN\"}"))
                .anyMatch(l -> l.startsWith("incidents_signals_total{kind=\"EventSignal\"}"))
                .anyMatch(l -> l.startsWith("incidents_event_lag_seconds_count"))
                .anyMatch(l -> l.startsWith("kafka_stream_"));

        assertThat(BoundedRocksDbMemory.budget()).as("the stores share one bounded RocksDB cache")
                .isEqualTo(BoundedRocksDbMemory.DEFAULT_MEMORY);

        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(uri("/incidents"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    @Order(4)
    void tail_prints_the_transitions_as_text_and_jsonl_with_filters() throws Exception {
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        StringWriter jsonl = new StringWriter();
        CommandLine tail = Main.commandLine();
        tail.setOut(new PrintWriter(jsonl, true));
        assertThat(tail.execute("tail", "--bootstrap-server", bootstrap, "--from-beginning", "--no-follow",
                "--output", "jsonl")).isZero();
        List<String> lines = jsonl.toString().lines().toList();
        assertThat(lines).hasSize((int) feed.transitions());
        Map<String, String> last = new java.util.TreeMap<>();
        for (String line : lines) {
            JsonNode incident = JSON.readTree(line);
            last.put(incident.get("id").asText(), incident.get("status").asText());
        }
        assertThat(last.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .containsExactlyElementsOf(states(expected));

        StringWriter text = new StringWriter();
        CommandLine filtered = Main.commandLine();
        filtered.setOut(new PrintWriter(text, true));
        assertThat(filtered.execute("tail", "--bootstrap-server", bootstrap, "--from-beginning", "--no-follow",
                "--category", "oom_killed", "--color", "never")).isZero();
        assertThat(text.toString().lines().filter(l -> !l.startsWith(" ")).toList()).singleElement().asString()
                .contains("[OPEN]").contains("OOM_KILLED").contains("inference/Deployment/embedding-worker");
        assertThat(text.toString()).contains("$ kubectl describe pod embedding-worker-6b8f9c7d5-q4ztx -n inference");
    }

    static List<String> states(List<Incident> incidents) {
        return incidents.stream().map(i -> i.getId() + "=" + i.getStatus()).sorted().collect(Collectors.toList());
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }
}
