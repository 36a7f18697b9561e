package dev.incidents.analyzer.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.live.HttpSurface.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpSurfaceTest {
    static HttpSurface http;
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void serve() {
        Map<String, Function<Map<String, String>, Response>> routes = Map.of(
                "/echo", q -> Response.json(200, "{\"q\":\"" + q.get("q") + "\"}"),
                "/bad", q -> {
                    throw new IllegalArgumentException("status must be OPEN, UPDATED or RESOLVED");
                },
                "/broken", q -> {
                    throw new IllegalStateException("boom");
                });
        http = HttpSurface.start("127.0.0.1", 0, routes);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void routesAnswerWithTheirStatusTypeAndDecodedQuery() throws Exception {
        HttpResponse<String> echo = get("/echo?q=a%20b&x");
        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(echo.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(echo.body()).isEqualTo("{\"q\":\"a b\"}");
    }

    @Test
    void unknownPathsWrongMethodsAndFailuresAreHttpErrorsNotCrashes() throws Exception {
        assertThat(get("/nope").statusCode()).isEqualTo(404);
        assertThat(get("/bad").statusCode()).isEqualTo(400);
        assertThat(get("/bad").body()).contains("status must be");
        assertThat(get("/broken").statusCode()).isEqualTo(500);
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(get("/echo").statusCode()).as("still serving after errors").isEqualTo(200);
    }

    @Test
    void queryParametersDecode() {
        assertThat(HttpSurface.queryParameters("cluster=prod%2Fus&status=OPEN&flag"))
                .containsEntry("cluster", "prod/us").containsEntry("status", "OPEN").containsEntry("flag", "");
        assertThat(HttpSurface.queryParameters(null)).isEmpty();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
