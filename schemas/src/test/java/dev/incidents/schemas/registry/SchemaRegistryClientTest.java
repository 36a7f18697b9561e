package dev.incidents.schemas.registry;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SchemaRegistryClientTest {
    private final InProcessSchemaRegistry registry = InProcessSchemaRegistry.start();
    private final SchemaRegistryClient client = new SchemaRegistryClient(registry.url());

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void registersAndFetchesBackTheSameSchema() {
        int id = client.register("k8s.events-value", KubeEvent.getClassSchema());

        Schema fetched = new SchemaRegistryClient(registry.url()).byId(id);

        assertThat(fetched).isEqualTo(KubeEvent.getClassSchema());
    }

    @Test
    void theSameSchemaGetsTheSameIdAndADifferentOneAnother() {
        int events = client.register("k8s.events-value", KubeEvent.getClassSchema());
        int again = new SchemaRegistryClient(registry.url()).register("k8s.events-value", KubeEvent.getClassSchema());
        int nodes = client.register("k8s.nodes-value", NodeSnapshot.getClassSchema());

        assertThat(again).isEqualTo(events);
        assertThat(nodes).isNotEqualTo(events);
    }

    @Test
    void registrationIsCachedSoTheSecondCallMakesNoRequest() {
        client.register("k8s.events-value", KubeEvent.getClassSchema());
        int requestsAfterFirst = registry.requestCount();

        client.register("k8s.events-value", KubeEvent.getClassSchema());

        assertThat(registry.requestCount()).isEqualTo(requestsAfterFirst);
    }

    @Test
    void lookupByIdIsCachedSoTheSecondCallMakesNoRequest() {
        int id = registry.register("k8s.pods-value", NodeSnapshot.getClassSchema());
        client.byId(id);
        int requestsAfterFirst = registry.requestCount();

        Schema second = client.byId(id);

        assertThat(registry.requestCount()).isEqualTo(requestsAfterFirst);
        assertThat(second).isEqualTo(NodeSnapshot.getClassSchema());
    }

    @Test
    void anUnknownIdIsANotFoundWithTheRegistrysErrorCode() {
        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> client.byId(42));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.errorCode()).isEqualTo(40403);
        assertThat(e.isNotFound()).isTrue();
        assertThat(e.getMessage()).contains("Schema 42 not found");
    }

    @Test
    void aRegistryThatIsDownIsAClearException() throws IOException {
        SchemaRegistryClient down = new SchemaRegistryClient(URI.create("http://127.0.0.1:" + freePort()));

        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
                () -> down.register("k8s.events-value", KubeEvent.getClassSchema()));

        assertThat(e.isUnreachable()).isTrue();
        assertThat(e.status()).isEqualTo(SchemaRegistryException.NO_RESPONSE);
        assertThat(e.getMessage()).contains("unreachable").contains("127.0.0.1");
    }

    @Test
    void fallsOverToTheNextUrlWhenTheFirstIsDown() throws IOException {
        RegistrySettings settings = RegistrySettings.fromConfig(Map.of(RegistrySettings.SCHEMA_REGISTRY_URL,
                "http://127.0.0.1:" + freePort() + ", " + registry.url())).orElseThrow();

        int id = new SchemaRegistryClient(settings).register("k8s.events-value", KubeEvent.getClassSchema());

        assertThat(id).isPositive();
    }

    @Test
    void sendsBasicAuthFromUserInfo() {
        registry.requireBasicAuth("analyzer", "s3cret:with-colon");
        RegistrySettings settings = RegistrySettings.fromConfig(Map.of(
                RegistrySettings.SCHEMA_REGISTRY_URL, registry.url().toString(),
                RegistrySettings.BASIC_AUTH_USER_INFO, "analyzer:s3cret:with-colon")).orElseThrow();

        int id = new SchemaRegistryClient(settings).register("k8s.events-value", KubeEvent.getClassSchema());
        SchemaRegistryException refused = catchThrowableOfType(SchemaRegistryException.class,
                () -> client.byId(id));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void anUnreadableTruststoreIsAClearError() {
        RegistrySettings settings = RegistrySettings.fromConfig(Map.of(
                RegistrySettings.SCHEMA_REGISTRY_URL, "https://registry.example:8081",
                RegistrySettings.TRUSTSTORE_LOCATION, "/nonexistent/registry-truststore.p12",
                RegistrySettings.TRUSTSTORE_PASSWORD, "changeit")).orElseThrow();

        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> new SchemaRegistryClient(settings));

        assertThat(e).hasMessageContaining("/nonexistent/registry-truststore.p12");
    }

    @Test
    void aUrlThatIsNotHttpIsRefused() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> RegistrySettings.fromConfig(
                Map.of(RegistrySettings.SCHEMA_REGISTRY_URL, "registry:8081")))).hasMessageContaining("http(s)://");
    }

    @Test
    void settingsAreAbsentWithoutAUrl() {
        assertThat(RegistrySettings.fromConfig(Map.of())).isEmpty();
        assertThat(RegistrySettings.fromConfig(Map.of(RegistrySettings.SCHEMA_REGISTRY_URL, " "))).isEmpty();
        assertThat(RegistrySettings.fromConfig(Map.of(RegistrySettings.SCHEMA_REGISTRY_URL, "http://r:8081/")).orElseThrow().urls())
                .isEqualTo(List.of(URI.create("http://r:8081")));
    }

    @Test
    void theTestDoubleAnswersAnUnknownSubjectWith40401() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(registry.url() + "/subjects/nope-value/versions/latest")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"error_code\":40401");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
