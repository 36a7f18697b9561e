package dev.incidents.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.live.AnalyzeCommand;
import dev.incidents.kafka.testing.FreePorts;
import dev.incidents.kafka.testing.KafkaBrokerExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two {@code analyze} instances of one application share the partitions of the incidents store; {@code /incidents}
 * on either one answers with all of them (its own plus the other's, found through {@code application.server}).
 */
@ExtendWith(KafkaBrokerExtension.class)
class InteractiveQueriesIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String PREFIX = "iq-it.";

    @TempDir
    Path temp;

    @Test
    void each_instance_serves_the_incidents_of_both() throws Exception {
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        Path settings = Files.writeString(temp.resolve("analyzer.properties"), String.join("\n",
                AnalyzerConfig.EVENTS_TOPIC + "=" + PREFIX + "events", AnalyzerConfig.PODS_TOPIC + "=" + PREFIX + "pods",
                AnalyzerConfig.NODES_TOPIC + "=" + PREFIX + "nodes", AnalyzerConfig.INCIDENTS_TOPIC + "=" + PREFIX + "incidents",
                AnalyzerConfig.INCIDENTS_JSON_TOPIC + "=" + PREFIX + "incidents.json", AnalyzerConfig.DLQ_TOPIC + "=" + PREFIX + "dlq",
                AnalyzerConfig.IDLE_ADVANCE_INTERVAL + "=PT1S", AnalyzerConfig.IDLE_ADVANCE_RATE + "=60", ""));
        int[] ports = FreePorts.two();
        List<AnalyzeCommand> instances = new ArrayList<>();
        List<CompletableFuture<Integer>> exits = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                AnalyzeCommand analyze = new AnalyzeCommand();
                CommandLine cli = new CommandLine(analyze);
                cli.setErr(new PrintWriter(new StringWriter(), true));
                String port = String.valueOf(ports[i]);
                String[] args = {"--bootstrap-server", bootstrap, "--application-id", "iq-it",
                        "--state-dir", temp.resolve("state-" + i).toString(), "--http-bind", "127.0.0.1",
                        "--http-port", port, "--application-server", "127.0.0.1:" + port, "--config", settings.toString()};
                instances.add(analyze);
                exits.add(CompletableFuture.supplyAsync(() -> cli.execute(args)));
            }
            // Topics named by incidents.topic.*: ship the recording to the same names.
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                    .until(() -> get(ports[0], "/readyz").statusCode() == 200 && get(ports[1], "/readyz").statusCode() == 200);
            CommandLine ship = Main.commandLine();
            ship.setErr(new PrintWriter(new StringWriter(), true));
            assertThat(ship.execute("ship", "--from", DemoIT.RECORDING.toString(), "--bootstrap-server", bootstrap,
                    "--events-topic", PREFIX + "events", "--pods-topic", PREFIX + "pods", "--nodes-topic", PREFIX + "nodes"))
                    .isZero();

            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
                List<String> first = ids(get(ports[0], "/incidents?local=true"));
                List<String> second = ids(get(ports[1], "/incidents?local=true"));
                assertThat(first).as("each instance hosts part of the store").isNotEmpty().doesNotContainAnyElementsOf(second);
                assertThat(second).isNotEmpty();
                List<String> all = new ArrayList<>(first);
                all.addAll(second);
                assertThat(all).hasSizeGreaterThanOrEqualTo(7);
                assertThat(ids(get(ports[0], "/incidents"))).containsExactlyInAnyOrderElementsOf(all);
                assertThat(ids(get(ports[1], "/incidents"))).containsExactlyInAnyOrderElementsOf(all);
            });
        } finally {
            instances.forEach(AnalyzeCommand::stop);
            for (CompletableFuture<Integer> exit : exits) {
                assertThat(exit.get()).isZero();
            }
        }
    }

    static List<String> ids(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode incident : JSON.readTree(response.body())) {
            ids.add(incident.get("id").asText());
        }
        return ids;
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
