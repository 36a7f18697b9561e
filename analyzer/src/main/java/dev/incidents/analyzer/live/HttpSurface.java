package dev.incidents.analyzer.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyzer's HTTP surface on the JDK server: {@code /healthz}, {@code /readyz}, {@code /metrics},
 * {@code /incidents}. Handlers are plain functions from query parameters to a {@link Response}, so the
 * routing is testable without a socket and the server stays a thin shell.
 */
public final class HttpSurface implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpSurface.class);

    /** What a route answers; {@code headers} are extra response headers (e.g. a page's Content-Security-Policy). */
    public record Response(int status, String contentType, String body, Map<String, String> headers) {
        public Response(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        public static Response text(int status, String body) {
            return new Response(status, "text/plain; charset=utf-8", body);
        }

        public static Response json(int status, String body) {
            return new Response(status, "application/json", body);
        }
    }

    /**
     * A route whose response stays open and is written as things happen (Server-Sent Events). The surface sends the
     * status and content type, then hands the body over: {@link #open} must return at once (the surface's threads
     * serve everyone) and the stream closes the body when it is done or the client has gone.
     */
    public interface StreamRoute {
        String contentType();

        void open(Map<String, String> query, OutputStream body);
    }

    private final HttpServer server;

    private HttpSurface(HttpServer server) {
        this.server = server;
    }

    /** Binds {@code host:port} (port 0 picks a free one) and serves the given routes, exact path match. */
    public static HttpSurface start(String host, int port, Map<String, Function<Map<String, String>, Response>> routes) {
        return start(host, port, routes, Map.of(), HttpAccess.OPEN, null);
    }

    /** As {@link #start(String, int, Map)}, plus routes that stream (exact path match too). */
    public static HttpSurface start(String host, int port, Map<String, Function<Map<String, String>, Response>> routes,
                                    Map<String, StreamRoute> streams) {
        return start(host, port, routes, streams, HttpAccess.OPEN, null);
    }

    /** As {@link #start(String, int, Map)}, over TLS when {@code tls} is given, every request through {@code access}. */
    public static HttpSurface start(String host, int port, Map<String, Function<Map<String, String>, Response>> routes,
                                    HttpAccess access, HttpTls tls) {
        return start(host, port, routes, Map.of(), access, tls);
    }

    /**
     * Routes and streams, over TLS when {@code tls} is given, every request through {@code access} (the token rule
     * and request limits). A context added here must get {@code access} too: it is the one place that decides who
     * reads what.
     */
    public static HttpSurface start(String host, int port, Map<String, Function<Map<String, String>, Response>> routes,
                                    Map<String, StreamRoute> streams, HttpAccess access, HttpTls tls) {
        RequestTimeout.apply();
        try {
            HttpServer server = tls == null ? HttpServer.create(new InetSocketAddress(host, port), 0)
                    : https(new InetSocketAddress(host, port), tls);
            server.createContext("/", exchange -> {
                StreamRoute stream = streams.get(exchange.getRequestURI().getPath());
                if (stream != null && "GET".equals(exchange.getRequestMethod())) {
                    stream(exchange, stream);
                } else {
                    handle(exchange, routes);
                }
            }).getFilters().add(access);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "incidents-http");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return new HttpSurface(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static HttpsServer https(InetSocketAddress address, HttpTls tls) throws IOException {
        HttpsServer server = HttpsServer.create(address, 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.server()));
        return server;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void stream(HttpExchange exchange, StreamRoute stream) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", stream.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        stream.open(queryParameters(exchange.getRequestURI().getRawQuery()), exchange.getResponseBody());
    }

    private static void handle(HttpExchange exchange, Map<String, Function<Map<String, String>, Response>> routes)
            throws IOException {
        Response response;
        try {
            Function<Map<String, String>, Response> route = routes.get(exchange.getRequestURI().getPath());
            if (!"GET".equals(exchange.getRequestMethod())) {
                response = Response.text(405, "only GET\n");
            } else if (route == null) {
                response = Response.text(404, "no such path; try /healthz /readyz /metrics /incidents\n");
            } else {
                response = route.apply(queryParameters(exchange.getRequestURI().getRawQuery()));
            }
        } catch (IllegalArgumentException e) {
            response = Response.text(400, e.getMessage() + "\n");
        } catch (RuntimeException e) {
            log.warn("HTTP {} failed", exchange.getRequestURI(), e);
            response = Response.text(500, "internal error: " + e.getMessage() + "\n");
        }
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
