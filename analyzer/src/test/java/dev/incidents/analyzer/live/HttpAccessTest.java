package dev.incidents.analyzer.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidents.analyzer.live.HttpSurface.Response;
import dev.incidents.kafka.testing.TestCertificates;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guarded HTTP surface (issue #16 item 5): HTTPS from PEM files made at test time, a bearer token required
 * everywhere but the probes and the metrics, including paths no route knows yet, and the request limits.
 */
class HttpAccessTest {
    static final String TOKEN = "s3cret-token-" + System.nanoTime();

    @TempDir
    static Path temp;

    static HttpSurface http;
    static HttpClient client;
    static TestCertificates certificates;

    @BeforeAll
    static void serve() throws Exception {
        certificates = TestCertificates.create(temp.resolve("tls"), "http");
        Path tokenFile = Files.writeString(temp.resolve("token"), TOKEN + "\n");
        Map<String, Function<Map<String, String>, Response>> routes = Map.of(
                "/healthz", q -> Response.text(200, "RUNNING\n"),
                "/readyz", q -> Response.text(200, "RUNNING\n"),
                "/metrics", q -> Response.text(200, "up 1\n"),
                "/incidents", q -> Response.json(200, "[]\n"),
                "/", q -> Response.text(200, "<html>the web page</html>\n"));
        http = HttpSurface.start("127.0.0.1", 0, routes, HttpAccess.withToken(HttpAccess.readToken(tokenFile)),
                HttpTls.fromPem(certificates.keyPem(), certificates.certPem()));
        client = HttpClient.newBuilder().sslContext(trusting(certificates)).build();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void incident_data_needs_the_token_probes_and_metrics_do_not() throws Exception {
        for (String open : new String[] {"/healthz", "/readyz", "/metrics"}) {
            assertThat(get(open, null).statusCode()).as(open).isEqualTo(200);
        }
        for (String guarded : new String[] {"/incidents", "/incidents?status=OPEN", "/", "/events", "/a-page-added-later"}) {
            HttpResponse<String> anonymous = get(guarded, null);
            assertThat(anonymous.statusCode()).as(guarded + " without a token").isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(guarded).contains("Bearer realm=\"incidents\"");
            assertThat(anonymous.body()).doesNotContain("[]").doesNotContain("html");
            assertThat(get(guarded, "Bearer wrong-" + TOKEN).statusCode()).as(guarded + " with a wrong token").isEqualTo(401);
            assertThat(get(guarded, "Basic " + TOKEN).statusCode()).as(guarded + " with another scheme").isEqualTo(401);
        }
        assertThat(get("/incidents", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/incidents", "bearer " + TOKEN).body()).isEqualTo("[]\n");
        assertThat(get("/", "Bearer " + TOKEN).body()).contains("the web page");
        assertThat(get("/a-page-added-later", "Bearer " + TOKEN).statusCode()).as("authorized, then unknown").isEqualTo(404);
    }

    @Test
    void a_browser_follows_a_token_link_once_then_sends_the_cookie() throws Exception {
        HttpResponse<String> link = get("/?token=" + TOKEN, null);
        assertThat(link.statusCode()).isEqualTo(200);
        String cookie = link.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(HttpAccess.COOKIE + "=" + TOKEN + ";").contains("HttpOnly", "SameSite=Strict", "Secure");
        String sent = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> events = client.send(HttpRequest.newBuilder(uri("/events")).header("Cookie", "theme=dark; " + sent)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(events.statusCode()).as("authorized by the cookie, then unknown here").isEqualTo(404);
        assertThat(get("/?token=wrong", null).statusCode()).isEqualTo(401);
        assertThat(client.send(HttpRequest.newBuilder(uri("/incidents")).header("Cookie", HttpAccess.COOKIE + "=wrong").GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void only_tls_is_served() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/healthz"))
                .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
        HttpClient untrusting = HttpClient.newHttpClient();
        assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(uri("/healthz")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }

    @Test
    void request_bodies_and_long_request_lines_are_refused_before_any_route() throws Exception {
        HttpResponse<String> withBody = client.send(HttpRequest.newBuilder(uri("/incidents")).header("Authorization", "Bearer " + TOKEN)
                .method("GET", HttpRequest.BodyPublishers.ofString("x".repeat(10_000))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withBody.statusCode()).isEqualTo(413);
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri("/incidents"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as("the token comes first").isEqualTo(401);
        HttpResponse<String> longQuery = get("/incidents?namespace=" + "n".repeat(HttpAccess.MAX_TARGET_LENGTH), "Bearer " + TOKEN);
        assertThat(longQuery.statusCode()).isEqualTo(414);
        assertThat(get("/healthz", null).statusCode()).as("still serving").isEqualTo(200);
    }

    @Test
    void a_client_that_never_finishes_its_request_is_cut_off() throws Exception {
        assertThat(System.getProperty(RequestTimeout.PROPERTY)).isEqualTo(String.valueOf(RequestTimeout.SECONDS));
        try (SSLSocket socket = (SSLSocket) trusting(certificates).getSocketFactory().createSocket("127.0.0.1", http.port())) {
            socket.setSoTimeout((int) (RequestTimeout.SECONDS + 20) * 1000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /healthz HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The headers never end: the server closes the connection after its request timeout (it reads -1 here).
            InputStream in = socket.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (java.net.SocketException closed) {
                read = -1;
            }
            assertThat(read).as("the connection was closed, nothing served").isEqualTo(-1);
        }
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("https://127.0.0.1:" + http.port() + path);
    }

    static SSLContext trusting(TestCertificates certificates) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificates.trustStore())) {
            trusted.load(in, certificates.password().toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

}
