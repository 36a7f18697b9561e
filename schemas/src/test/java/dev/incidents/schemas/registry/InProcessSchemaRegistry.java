package dev.incidents.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A schema registry test double on the JDK {@link HttpServer} that speaks the part of Confluent's REST API the
 * project uses, with its status codes and {@code error_code}s: global ids (the same schema gets the same id, in
 * any subject), {@code 404/40401} unknown subject, {@code 404/40402} unknown version, {@code 404/40403} unknown
 * schema id, {@code 422/42201} invalid schema, {@code 401} without the required basic auth.
 */
public final class InProcessSchemaRegistry implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private volatile HttpServer server;
    private final int port;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, Integer> idsBySchemaText = new LinkedHashMap<>();
    private final Map<Integer, String> schemaTextsById = new LinkedHashMap<>();
    private final Map<String, List<Integer>> idsBySubject = new LinkedHashMap<>();
    private volatile String requiredAuthorization;

    private InProcessSchemaRegistry(HttpServer server) {
        this.server = server;
        this.port = server.getAddress().getPort();
    }

    /** Starts on a free port of 127.0.0.1. */
    public static InProcessSchemaRegistry start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            InProcessSchemaRegistry registry = new InProcessSchemaRegistry(server);
            server.createContext("/", registry::handle);
            server.start();
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** An outage: the port stops answering (connection refused); the schemas are kept. */
    public synchronized void goDown() {
        server.stop(0);
    }

    /** The end of the outage: the same port and schemas answer again. */
    public synchronized void comeBack() {
        try {
            HttpServer again = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            again.createContext("/", this::handle);
            again.start();
            server = again;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HTTP requests answered so far (to check client caching). */
    public int requestCount() {
        return requests.get();
    }

    /** From now on, answer 401 unless the request carries these basic auth credentials. */
    public void requireBasicAuth(String user, String password) {
        requiredAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Registers directly, as another producer would have; returns the id. */
    public synchronized int register(String subject, Schema schema) {
        String text = schema.toString();
        int id = idsBySchemaText.computeIfAbsent(text, t -> idsBySchemaText.size() + 1);
        schemaTextsById.putIfAbsent(id, text);
        List<Integer> versions = idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    /** Subjects registered so far, in registration order. */
    public synchronized List<String> subjects() {
        return List.copyOf(idsBySubject.keySet());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String required = requiredAuthorization;
            if (required != null && !required.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            String[] path = exchange.getRequestURI().getRawPath().replaceAll("^/+|/+$", "").split("/");
            for (int i = 0; i < path.length; i++) {
                path[i] = URLDecoder.decode(path[i], StandardCharsets.UTF_8);
            }
            String method = exchange.getRequestMethod();
            synchronized (this) {
                route(exchange, method, path);
            }
        }
    }

    private void route(HttpExchange exchange, String method, String[] path) throws IOException {
        if (method.equals("GET") && path.length == 3 && path[0].equals("schemas") && path[1].equals("ids")) {
            Integer id = parseInt(path[2]);
            String text = id == null ? null : schemaTextsById.get(id);
            if (text == null) {
                reply(exchange, 404, error(40403, "Schema " + path[2] + " not found"));
            } else {
                reply(exchange, 200, JSON.createObjectNode().put("schema", text));
            }
        } else if (method.equals("GET") && path.length == 1 && path[0].equals("subjects")) {
            reply(exchange, 200, JSON.valueToTree(idsBySubject.keySet()));
        } else if (path.length >= 3 && path[0].equals("subjects") && path[2].equals("versions")) {
            subjectVersions(exchange, method, path);
        } else {
            reply(exchange, 404, error(404, "HTTP 404 Not Found"));
        }
    }

    private void subjectVersions(HttpExchange exchange, String method, String[] path) throws IOException {
        String subject = path[1];
        if (method.equals("POST") && path.length == 3) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            Schema schema;
            try {
                schema = new Schema.Parser().parse(body.path("schema").asText());
            } catch (SchemaParseException e) {
                reply(exchange, 422, error(42201, "Invalid schema: " + e.getMessage()));
                return;
            }
            reply(exchange, 200, JSON.createObjectNode().put("id", register(subject, schema)));
            return;
        }
        List<Integer> versions = idsBySubject.get(subject);
        if (versions == null) {
            reply(exchange, 404, error(40401, "Subject '" + subject + "' not found."));
        } else if (method.equals("GET") && path.length == 3) {
            List<Integer> numbers = new ArrayList<>();
            for (int v = 1; v <= versions.size(); v++) {
                numbers.add(v);
            }
            reply(exchange, 200, JSON.valueToTree(numbers));
        } else if (method.equals("GET") && path.length == 4) {
            Integer version = path[3].equals("latest") ? Integer.valueOf(versions.size()) : parseInt(path[3]);
            if (version == null || version < 1 || version > versions.size()) {
                reply(exchange, 404, error(40402, "Version " + path[3] + " not found."));
                return;
            }
            int id = versions.get(version - 1);
            reply(exchange, 200, JSON.createObjectNode().put("subject", subject).put("version", version)
                    .put("id", id).put("schema", schemaTextsById.get(id)));
        } else {
            reply(exchange, 405, error(405, "Method Not Allowed"));
        }
    }

    private static ObjectNode error(int code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message);
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
