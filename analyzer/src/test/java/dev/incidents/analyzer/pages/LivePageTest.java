package dev.incidents.analyzer.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.analyzer.live.HttpSurface;
import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.schemas.Incident;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live page's HTTP side without a browser: headers, and what the event stream sends and when. */
class LivePageTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Incident OOM = IncidentJson.fromJson("""
            {"id":"c/ns/Deployment/w<b>/OOM_KILLED","status":"OPEN","category":"OOM_KILLED","phase":"RUNTIME",\
            "severity":"CRITICAL","cluster":"c","namespace":"ns","workload":{"kind":"Deployment","name":"w<b>"},\
            "pods":["w<b>-1"],"title":"w<b> is OOMKilled","summary":"","firstSeen":"2025-03-14T10:00:00Z",\
            "lastSeen":"2025-03-14T10:00:00Z"}""");

    @Test
    void the_page_shows_the_open_incidents_and_the_most_recent_up_to_its_bound() {
        try (LivePage page = new LivePage("test")) {
            page.accept(Incident.newBuilder(OOM).setId("c/ns/Deployment/old/OOM_KILLED").build());
            for (int i = 0; i < LivePage.MAX_ROWS; i++) {
                page.accept(Incident.newBuilder(OOM).setId("c/ns/Deployment/w" + i + "/OOM_KILLED")
                        .setStatus(dev.incidents.schemas.IncidentStatus.RESOLVED)
                        .setLastSeen(OOM.getLastSeen().plusSeconds(i)).build());
            }
            String html = page.page();
            assertThat(html.split("<details class=\"incident ", -1)).hasSize(LivePage.MAX_ROWS + 1);
            assertThat(html).contains("data-id=\"c/ns/Deployment/old/OOM_KILLED\"")
                    .doesNotContain("data-id=\"c/ns/Deployment/w0/OOM_KILLED\"")
                    .contains("The 500 most recent of 501 incidents");
        }
    }

    /** Workloads of a namespace failing alike are listed as one line while they are open, and leave it resolved. */
    @Test
    void the_page_lists_the_open_incidents_that_fail_alike_and_sends_the_list_when_it_changes() throws Exception {
        try (LivePage page = new LivePage("test");
             HttpSurface http = HttpSurface.start("127.0.0.1", 0, page.routes(), page.streams())) {
            page.accept(OOM);
            Incident other = Incident.newBuilder(OOM).setId("c/ns/Deployment/api/OOM_KILLED")
                    .setWorkload(dev.incidents.schemas.WorkloadRef.newBuilder().setKind("Deployment").setName("api").build())
                    .build();
            page.accept(other);
            assertThat(page.page()).contains("<section class=\"together\" id=\"together\" aria-label=\"Open together\">")
                    .contains("OOM_KILLED in ns (cluster c): 2 alike: Deployment/api, Deployment/w&lt;b&gt;");

            String base = "http://127.0.0.1:" + http.port();
            HttpResponse<InputStream> events = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/events")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                String line;
                while (!(line = in.readLine()).equals("event: ready")) {
                    // the snapshot: both incidents and the open groups
                }
                in.readLine();
                page.accept(Incident.newBuilder(other).setStatus(dev.incidents.schemas.IncidentStatus.RESOLVED)
                        .setResolution("recovered").build());
                while (!(line = in.readLine()).equals("event: together")) {
                    // the resolved incident's row comes first
                }
                JsonNode together = new ObjectMapper().readTree(in.readLine().substring("data: ".length()));
                assertThat(together.get("html").asText()).contains("hidden").doesNotContain("alike");
            }
            assertThat(page.page()).doesNotContain("2 alike");
        }
    }

    /**
     * Transitions that come while nobody listens are not rendered (a catch-up publishes thousands a second); a client
     * that connects later gets the state in its snapshot, then every change of the open groups after it.
     */
    @Test
    void a_client_that_connects_after_unwatched_transitions_gets_the_changes_after_its_snapshot() throws Exception {
        Incident other = Incident.newBuilder(OOM).setId("c/ns/Deployment/api/OOM_KILLED")
                .setWorkload(dev.incidents.schemas.WorkloadRef.newBuilder().setKind("Deployment").setName("api").build())
                .build();
        Incident resolved = Incident.newBuilder(other).setStatus(dev.incidents.schemas.IncidentStatus.RESOLVED)
                .setResolution("recovered").build();
        try (LivePage page = new LivePage("test");
             HttpSurface http = HttpSurface.start("127.0.0.1", 0, page.routes(), page.streams())) {
            page.accept(OOM);
            page.accept(other);
            page.accept(resolved); // the groups went and came back while nobody watched: none now
            HttpResponse<InputStream> events = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http.port() + "/events")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                String line;
                while (!(line = in.readLine()).equals("event: together")) {
                    // the snapshot's rows
                }
                assertThat(in.readLine()).contains("hidden");
                while (!(line = in.readLine()).equals("event: ready")) {
                    // the rest of the snapshot
                }
                in.readLine();
                page.accept(Incident.newBuilder(other).setLastSeen(OOM.getLastSeen().plusSeconds(60)).build());
                while (!(line = in.readLine()).equals("event: together")) {
                    // the re-opened incident's row first
                }
                assertThat(in.readLine()).contains("2 alike").doesNotContain("hidden");
            }
        }
    }

    @Test
    void the_page_has_its_policy_and_the_stream_sends_the_state_then_each_transition() throws Exception {
        try (LivePage page = new LivePage("test");
             HttpSurface http = HttpSurface.start("127.0.0.1", 0, page.routes(), page.streams())) {
            page.accept(OOM);
            String base = "http://127.0.0.1:" + http.port();
            HttpResponse<String> html = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(html.headers().firstValue("Content-Security-Policy")).contains(LivePage.CONTENT_SECURITY_POLICY);
            assertThat(html.body()).contains("data-id=\"c/ns/Deployment/w&lt;b&gt;/OOM_KILLED\"").doesNotContain("w<b>");

            HttpResponse<InputStream> events = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/events")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(events.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
            try (BufferedReader in = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                assertThat(List.of(in.readLine(), in.readLine(), in.readLine())).containsExactly("retry: 2000", "",
                        "event: incident");
                JsonNode first = new ObjectMapper().readTree(in.readLine().substring("data: ".length()));
                assertThat(first.get("id").asText()).isEqualTo(OOM.getId());
                assertThat(first.get("html").asText()).contains("w&lt;b&gt; is OOMKilled").doesNotContain("w<b>");
                assertThat(List.of(in.readLine(), in.readLine())).containsExactly("", "event: together");
                assertThat(in.readLine()).contains("\"id\":\"together\"").contains("hidden");
                assertThat(List.of(in.readLine(), in.readLine(), in.readLine())).containsExactly("", "event: ready", "data: {}");

                page.accept(Incident.newBuilder(OOM).setStatus(dev.incidents.schemas.IncidentStatus.RESOLVED)
                        .setResolution("recovered").build());
                assertThat(List.of(in.readLine(), in.readLine())).containsExactly("", "event: incident");
                assertThat(in.readLine()).contains("data-status=\\\"RESOLVED\\\"");
            }
        }
    }
}
