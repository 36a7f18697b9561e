package dev.incidents.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.live.AnalyzeCommand;
import dev.incidents.analyzer.replay.Replay;
import dev.incidents.kafka.testing.FreePorts;
import dev.incidents.kafka.testing.KafkaBrokerExtension;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.KafkaClientConfig;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import picocli.CommandLine;

/**
 * The live page of a running {@code analyze} in a real Chromium, opened before anything is shipped: the demo
 * recording's incidents arrive over Server-Sent Events without a reload, then a new workload whose names carry markup
 * is shipped and its incident appears live, as text. Filters, deep links, the Content-Security-Policy and the phone
 * layout too. Its own topics ({@value #PREFIX}k8s.*) on the shared test broker. Screenshots go to {@code target/pages/}.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivePageIT {
    static final String PREFIX = "pages-it.";
    static final Path OUT = Path.of("target", "pages");
    /**
     * What a hostile name could carry: a script, and an image whose error handler is script. No '/': records with one
     * in a name go to the dead-letter topic (a name from the Kubernetes API never has one; subject keys are split on it).
     */
    static final String MARKUP = "<script>window.pwned=1<img src=x onerror=window.pwned=2>";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path temp;

    static AnalyzerConfig config;
    static AnalyzeCommand analyze;
    static CompletableFuture<Integer> analyzeExit;
    static StringWriter analyzeErr = new StringWriter();
    static String page;
    static List<Incident> expected;
    static Browser browser;

    @BeforeAll
    static void start_analyze_and_open_its_page() throws Exception {
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        int httpPort = FreePorts.one();
        StringBuilder settings = new StringBuilder();
        // The idle clock off: event time moves with the records only, and the end marker ends the recording as
        // replay ends its input (RecordingEnd), so the page shows replay's incidents however fast the machine is.
        settings.append(AnalyzerConfig.IDLE_ADVANCE_INTERVAL).append("=PT0S\n");
        for (String topic : List.of(AnalyzerConfig.EVENTS_TOPIC, AnalyzerConfig.PODS_TOPIC, AnalyzerConfig.NODES_TOPIC,
                AnalyzerConfig.NODES_VIEW_TOPIC, AnalyzerConfig.INCIDENTS_TOPIC, AnalyzerConfig.INCIDENTS_JSON_TOPIC,
                AnalyzerConfig.DLQ_TOPIC)) {
            settings.append(topic).append('=').append(PREFIX).append(AnalyzerConfig.defaults().asMap().get(topic)).append('\n');
        }
        Path settingsFile = Files.writeString(temp.resolve("analyzer.properties"), settings);
        config = AnalyzerConfig.from(KafkaClientConfig.read(settingsFile));
        analyze = new AnalyzeCommand();
        CommandLine analyzeCli = new CommandLine(analyze);
        analyzeCli.setErr(new PrintWriter(analyzeErr, true));
        analyzeExit = CompletableFuture.supplyAsync(() -> analyzeCli.execute("--bootstrap-server", bootstrap,
                "--application-id", "pages-it", "--state-dir", temp.resolve("state").toString(),
                "--http-bind", "127.0.0.1", "--http-port", String.valueOf(httpPort),
                "--partitions", "1", "--config", settingsFile.toString()));
        page = "http://127.0.0.1:" + httpPort + "/";
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> get("readyz").statusCode() == 200);
        expected = Replay.run(Recordings.read(List.of(DemoIT.RECORDING), new ReadOptions(null, Instant.now()), r -> { }),
                AnalyzerConfig.defaults()).latest();

        browser = Browser.start(1280, 900);
        browser.driver().get(page);
        await().atMost(Duration.ofSeconds(20)).until(() -> liveStatus().equals("live"));
        assertThat(rows()).isEmpty();
        // Set once; a reload would lose it. Every row from here on must arrive through the event stream.
        browser.script("window.loadedOnce = true");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (analyze != null) {
            analyze.stop();
            assertThat(analyzeExit.get()).as("analyze exit status; stderr:\n%s", analyzeErr).isZero();
        }
    }

    @Test
    @Order(1)
    void the_recordings_incidents_appear_without_reload_open_first() throws Exception {
        ship(DemoIT.RECORDING);
        RecordingEnd.mark(client(), config.eventsTopic(), RecordingEnd.of(records(DemoIT.RECORDING), config));

        List<String> want = expected.stream().map(i -> i.getId() + "=" + i.getStatus()).toList();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(shown("r.dataset.id + '=' + r.dataset.status"))
                .containsExactlyInAnyOrderElementsOf(want));
        assertThat(browser.script("return window.loadedOnce")).isEqualTo(true);
        List<String> statuses = shown("r.dataset.status");
        assertThat(statuses.subList(0, 4)).doesNotContain("RESOLVED");
        assertThat(browser.driver().findElement(By.id("counts")).getText()).isEqualTo("7 incidents · 4 open");
        // triton and vllm-llama3 pulled on one full disk together, and both are resolved now: no open group is left
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                browser.driver().findElement(By.id("together")).isDisplayed()).isFalse());

        // For the README: the page as on-call sees the demo recording, one incident opened by a click.
        row("prod-us-east-1/inference/Deployment/embedding-worker/OOM_KILLED").findElement(By.tagName("summary")).click();
        Thread.sleep(3_500); // the highlight of rows that just arrived fades out in 3 s
        browser.screenshot(OUT.resolve("live-page.png"), 1280, 1900);
        browser.resize(390, 844);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
        browser.screenshot(OUT.resolve("live-page-phone.png"), 390, 1800);
        browser.resize(1280, 900);
    }

    @Test
    @Order(2)
    void a_deep_link_opens_the_incident_with_its_timeline() {
        String id = "prod-us-east-1/node/ip-10-0-1-149.ec2.internal/NODE_DISK_PRESSURE";
        browser.driver().get(page + "#/incident/" + id);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> row(id).getAttribute("open") != null);
        WebElement node = row(id);
        assertThat(Browser.texts(node.findElements(By.cssSelector("ol.timeline li.t-transition .badge"))))
                .containsExactly("OPEN", "RESOLVED");
        assertThat(node.findElements(By.cssSelector("ol.timeline li.t-evidence"))).hasSizeGreaterThan(3);
        assertThat(node.findElement(By.cssSelector(".facts")).getText()).contains("Workloads hit")
                .contains("inference/Deployment/triton");
        assertThat(node.findElement(By.cssSelector("ol.steps button.copy")).isDisplayed()).isTrue();
    }

    @Test
    @Order(3)
    void filters_narrow_the_rows() {
        select("namespace", "genai");
        assertThat(visibleIds()).containsExactly("prod-us-east-1/genai/Deployment/llm-summarizer/INSUFFICIENT_GPU");
        select("namespace", "*");
        select("severity", "WARNING");
        assertThat(visibleIds()).containsExactly("prod-us-east-1/inference/Deployment/vllm-mistral/PROBE_FAILURE");
        select("severity", "*");
        select("status", "RESOLVED");
        assertThat(visibleIds()).hasSize(3);
        select("category", "IMAGE_PULL_DISK_FULL");
        assertThat(visibleIds()).hasSize(2);
        assertThat(browser.driver().findElement(By.id("counts")).getText()).isEqualTo("7 incidents · 4 open · 2 shown");
        browser.driver().findElement(By.id("clear-filters")).click();
        assertThat(visibleIds()).hasSize(7);
    }

    @Test
    @Order(4)
    void a_shipped_workload_with_markup_in_its_names_appears_live_as_text() throws Exception {
        browser.driver().get(page);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> liveStatus().equals("live") && rows().size() == 7);
        browser.script("window.loadedOnce = true");
        Path hostile = hostileRecording();
        ship(hostile);
        RecordingEnd.mark(client(), config.eventsTopic(), RecordingEnd.of(records(hostile), config));

        // An hour of event time later, the recording's incidents move on too (quiet periods end, pending ones open):
        // what matters here is the new workload's row.
        await().atMost(Duration.ofSeconds(60)).until(() -> shown("r.dataset.namespace").contains("sandbox"));
        assertThat(browser.script("return window.loadedOnce")).isEqualTo(true);
        select("cluster", "default");
        assertThat(visibleIds()).hasSize(1);
        select("cluster", "*");
        WebElement row = rows().stream().filter(r -> r.getAttribute("data-namespace").equals("sandbox")).findFirst().orElseThrow();
        assertThat(row.getAttribute("data-status")).isEqualTo("OPEN");
        assertThat(row.getAttribute("class")).contains("fresh");
        assertThat(row.findElement(By.cssSelector(".c-where")).getText()).contains(MARKUP);
        row.findElement(By.tagName("summary")).click();
        assertThat(row.findElement(By.cssSelector(".facts")).getText()).contains(MARKUP);
        assertThat(row.findElements(By.tagName("img"))).isEmpty();
        assertThat(row.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.script("return window.pwned")).isNull();
        assertThat(browser.driver().getCurrentUrl()).contains("#/incident/");
        browser.screenshot(OUT.resolve("live-page-markup.png"), 1280, 1400);
        browser.resize(1280, 900);
    }

    @Test
    @Order(5)
    void the_page_is_served_with_a_content_security_policy_and_its_assets_by_the_jar() throws Exception {
        HttpResponse<String> html = get("");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'none'").contains("script-src 'self'").contains("connect-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(html.body()).contains("<script src=\"app.js\" defer></script>").doesNotContain("<script>")
                .doesNotContain(" style=\"").doesNotContain(MARKUP);
        assertThat(get("app.js").headers().firstValue("Content-Type")).get().asString().startsWith("text/javascript");
        assertThat(get("app.css").statusCode()).isEqualTo(200);
        assertThat(get("live.js").statusCode()).isEqualTo(200);
        assertThat(((Number) browser.script("return performance.getEntriesByType('resource')"
                + ".filter(e => !e.name.startsWith(location.origin)).length")).intValue())
                .as("requests to anywhere but the analyzer").isZero();
    }

    /** The demo recording's embedding-worker, renamed into namespace sandbox with markup in its names, an hour later. */
    private static Path hostileRecording() throws Exception {
        String lines = Files.readAllLines(DemoIT.RECORDING).stream()
                .filter(l -> l.contains("embedding-worker"))
                .map(l -> l.replace("embedding-worker", "embed" + MARKUP)
                        .replace("\"namespace\":\"inference\"", "\"namespace\":\"sandbox\"")
                        .replace("2025-03-14T10:", "2025-03-14T11:"))
                .collect(Collectors.joining("\n", "", "\n"));
        return Files.writeString(temp.resolve("sandbox.jsonl"), lines);
    }

    private static void ship(Path recording) {
        StringWriter shipErr = new StringWriter();
        CommandLine ship = Main.commandLine();
        ship.setErr(new PrintWriter(shipErr, true));
        assertThat(ship.execute("ship", "--from", recording.toString(), "--bootstrap-server",
                KafkaBrokerExtension.bootstrapServers(), "--events-topic", config.eventsTopic(),
                "--pods-topic", config.podsTopic(), "--nodes-topic", config.nodesTopic()))
                .as("ship --from %s; stderr:\n%s", recording, shipErr).isZero();
    }

    private static List<Recorded> records(Path recording) {
        return Recordings.read(List.of(recording), new ReadOptions(null, Instant.now()), r -> { });
    }

    private static Map<String, Object> client() {
        return KafkaClientConfig.load(KafkaBrokerExtension.bootstrapServers(), null, null);
    }

    private static void select(String filter, String value) {
        new Select(browser.driver().findElement(By.cssSelector("select[data-filter='" + filter + "']"))).selectByValue(value);
    }

    private static String liveStatus() {
        return browser.driver().findElement(By.id("live-status")).getText();
    }

    private static List<WebElement> rows() {
        return browser.driver().findElements(By.cssSelector("#incidents > details.incident"));
    }

    /** One value per row, computed in the page at once (rows are replaced as transitions arrive). */
    @SuppressWarnings("unchecked")
    private static List<String> shown(String expression) {
        return (List<String>) browser.script("return Array.from(document.querySelectorAll('#incidents > details.incident'))"
                + ".map(r => " + expression + ")");
    }

    private static WebElement row(String id) {
        return rows().stream().filter(r -> id.equals(r.getAttribute("data-id"))).findFirst().orElseThrow();
    }

    private static List<String> visibleIds() {
        return rows().stream().filter(WebElement::isDisplayed).map(r -> r.getAttribute("data-id")).toList();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(page + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
