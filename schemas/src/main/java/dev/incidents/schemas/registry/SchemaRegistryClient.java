package dev.incidents.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A small client for the Confluent schema registry REST API: the two calls a serde needs. Confluent's own
 * client is not on Maven Central (DESIGN.md section 8), hence this one, over the JDK {@link HttpClient}.
 *
 * <p>Both calls are cached for the life of the client: a schema id never changes its schema, and
 * registering the same schema under the same subject always answers the same id. Failures are
 * {@link SchemaRegistryException}s, never a null.
 */
public final class SchemaRegistryClient {
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistrySettings settings;
    private final HttpClient http;
    private final String authorization;
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final ConcurrentMap<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {
    }

    public SchemaRegistryClient(URI url) {
        this(RegistrySettings.of(url));
    }

    public SchemaRegistryClient(RegistrySettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (settings.truststore() != null) {
            builder.sslContext(sslContext(settings));
        }
        this.http = builder.build();
        this.authorization = settings.userInfo() == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(settings.userInfo().getBytes(StandardCharsets.UTF_8));
    }

    public RegistrySettings settings() {
        return settings;
    }

    /** Registers {@code schema} under {@code subject} (or finds it already there) and returns its global id. */
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
        JsonNode answer = send("POST", "/subjects/" + pathSegment(subject) + "/versions", body);
        JsonNode id = answer.get("id");
        if (id == null || !id.canConvertToInt()) {
            throw new SchemaRegistryException(200, SchemaRegistryException.NO_ERROR_CODE,
                    "schema registry answered registration under " + subject + " without an id: " + answer);
        }
        int schemaId = id.intValue();
        idsBySubjectSchema.put(key, schemaId);
        schemasById.putIfAbsent(schemaId, schema);
        return schemaId;
    }

    /** The schema with this global id. */
    public Schema byId(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        JsonNode type = answer.get("schemaType");
        if (type != null && !"AVRO".equals(type.asText())) {
            throw new SchemaRegistryException(200, SchemaRegistryException.NO_ERROR_CODE,
                    "schema id " + id + " is a " + type.asText() + " schema, not Avro");
        }
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw new SchemaRegistryException(200, SchemaRegistryException.NO_ERROR_CODE,
                    "schema registry answered schema id " + id + " without a schema: " + answer);
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(200, SchemaRegistryException.NO_ERROR_CODE,
                    "schema id " + id + " is not a valid Avro schema: " + e.getMessage(), e);
        }
        Schema winner = schemasById.putIfAbsent(id, schema);
        return winner != null ? winner : schema;
    }

    private JsonNode send(String method, String path, String body) {
        SchemaRegistryException unreachable = null;
        for (URI base : settings.urls()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Accept", CONTENT_TYPE + ", application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // Connection refused, timeout, TLS failure: try the next URL, if any.
                unreachable = new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE,
                        SchemaRegistryException.NO_ERROR_CODE, "schema registry at " + base + " is unreachable ("
                        + method + " " + path + "): " + describe(e), e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE,
                        SchemaRegistryException.NO_ERROR_CODE, "interrupted while calling the schema registry at " + base, e);
            }
            return answer(base, method, path, response);
        }
        throw unreachable;
    }

    private static JsonNode answer(URI base, String method, String path, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode json;
        try {
            json = response.body() == null || response.body().isBlank()
                    ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        if (status / 100 == 2) {
            if (json == null) {
                throw new SchemaRegistryException(status, SchemaRegistryException.NO_ERROR_CODE,
                        "schema registry at " + base + " answered " + method + " " + path + " with non-JSON: "
                                + abbreviate(response.body()));
            }
            return json;
        }
        int errorCode = json != null && json.path("error_code").canConvertToInt()
                ? json.path("error_code").intValue() : SchemaRegistryException.NO_ERROR_CODE;
        String message = json != null && json.hasNonNull("message") ? json.get("message").asText()
                : abbreviate(response.body());
        throw new SchemaRegistryException(status, errorCode, "schema registry at " + base + " refused " + method + " "
                + path + ": HTTP " + status + (errorCode != 0 ? " error_code " + errorCode : "") + ": " + message);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "";
        }
        String kind = e.getClass().getSimpleName();
        return message.isBlank() ? kind : kind + ": " + message;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    /** Subjects are topic names plus a suffix: dots and dashes pass, anything else is percent-encoded. */
    private static String pathSegment(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SSLContext sslContext(RegistrySettings settings) {
        try (InputStream in = Files.newInputStream(settings.truststore())) {
            KeyStore store = KeyStore.getInstance(settings.truststoreType());
            char[] password = settings.truststorePassword() == null ? null : settings.truststorePassword().toCharArray();
            store.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the schema registry truststore "
                    + settings.truststore() + ": " + e.getMessage(), e);
        }
    }
}
