package dev.incidents.analyzer.live;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * Who may read what over HTTP, as one rule so a route added later is guarded by default: with a token, every path
 * needs {@code Authorization: Bearer <token>} except {@link #OPEN_PATHS}, which Kubernetes probes and Prometheus call
 * without credentials. Without a token everything is open (a laptop, a trusted network). Also the request limits the
 * analyzer's read-only surface can afford: no request bodies, bounded request lines.
 */
public final class HttpAccess extends Filter {
    /** Probes and scraping: no incident data, no token. */
    public static final Set<String> OPEN_PATHS = Set.of("/healthz", "/readyz", "/metrics");
    /** Longest request target served (path and query); filters are short. */
    static final int MAX_TARGET_LENGTH = 8 * 1024;

    /** No token: every path open (the limits still apply). */
    public static final HttpAccess OPEN = new HttpAccess(null);

    private final byte[] tokenDigest;

    private HttpAccess(String token) {
        this.tokenDigest = token == null ? null : sha256(token);
    }

    /** Guarded by {@code token}. */
    public static HttpAccess withToken(String token) {
        return new HttpAccess(token);
    }

    /** The bearer token in {@code tokenFile}, trimmed (a trailing newline is not part of it); never empty. */
    public static String readToken(Path tokenFile) {
        String token;
        try {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the HTTP token file " + tokenFile + ": " + e.getMessage(), e);
        }
        if (token.isEmpty()) {
            throw new UncheckedIOException("the HTTP token file " + tokenFile + " is empty", new IOException("empty"));
        }
        return token;
    }

    public boolean guarded() {
        return tokenDigest != null;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        if (target.length() > MAX_TARGET_LENGTH) {
            refuse(exchange, 414, "request target longer than " + MAX_TARGET_LENGTH + " characters\n");
        } else if (guarded() && !OPEN_PATHS.contains(exchange.getRequestURI().getPath()) && !authorized(exchange)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"incidents\"");
            refuse(exchange, 401, "a bearer token is required (Authorization: Bearer <token>)\n");
        } else if (hasBody(exchange)) {
            // Every route reads; only GET is served (the other methods get 405 without their body being read).
            refuse(exchange, "GET".equals(exchange.getRequestMethod()) ? 413 : 405,
                    "GET".equals(exchange.getRequestMethod()) ? "no request bodies here\n" : "only GET\n");
        } else {
            chain.doFilter(exchange);
        }
    }

    /**
     * The token the request presents, compared in constant time (digests of equal length, MessageDigest.isEqual):
     * an {@code Authorization: Bearer} header (scripts, Prometheus-style clients, a proxy that injects it), or for a
     * browser, which cannot add a header to a page load or an EventSource, the {@value #COOKIE} cookie, set once from a
     * {@code ?token=} link as Jupyter does (HttpOnly, SameSite=Strict, Secure over TLS).
     */
    boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return matches(header.substring(7).strip());
        }
        for (String cookies : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String cookie : cookies.split(";")) {
                String pair = cookie.strip();
                if (pair.startsWith(COOKIE + "=") && matches(pair.substring(COOKIE.length() + 1))) {
                    return true;
                }
            }
        }
        String link = HttpSurface.queryParameters(exchange.getRequestURI().getRawQuery()).get("token");
        if (link != null && matches(link)) {
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + link + "; Path=/; HttpOnly; SameSite=Strict"
                    + (exchange instanceof com.sun.net.httpserver.HttpsExchange ? "; Secure" : ""));
            return true;
        }
        return false;
    }

    private boolean matches(String presented) {
        return MessageDigest.isEqual(tokenDigest, sha256(presented));
    }

    /** The cookie a browser keeps the token in. */
    static final String COOKIE = "incidents_token";

    private static boolean hasBody(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        return exchange.getRequestHeaders().containsKey("Transfer-Encoding")
                || (length != null && !length.strip().equals("0"));
    }

    private static void refuse(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        // The unread request (a body, a long line) must not be read as the next request on this connection.
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String description() {
        return guarded() ? "bearer token except " + OPEN_PATHS : "open";
    }
}
