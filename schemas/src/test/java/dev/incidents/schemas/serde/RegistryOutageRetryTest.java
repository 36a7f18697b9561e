package dev.incidents.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.fixtures.SampleRecords;
import dev.incidents.schemas.registry.InProcessSchemaRegistry;
import dev.incidents.schemas.registry.SchemaRegistryClient;
import dev.incidents.schemas.serde.RecordFramingException.Reason;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A schema look-up waits out a registry outage within its retry timeout, and only then fails as REGISTRY_UNAVAILABLE. */
class RegistryOutageRetryTest {
    InProcessSchemaRegistry registry;
    byte[] event;

    @BeforeEach
    void registeredEvent() {
        registry = InProcessSchemaRegistry.start();
        event = new AvroSerializer<>(KubeEvent.class, new SchemaRegistryClient(registry.url()), false)
                .serialize("k8s.events", SampleRecords.diskFullPullFailed());
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void a_look_up_during_an_outage_shorter_than_the_retry_timeout_reads_the_record() throws Exception {
        // Configured as the topology configures its serdes: AvroSerde.of with the client settings.
        AvroDeserializer<KubeEvent> reader = AvroSerde.of(KubeEvent.class, Map.of("schema.registry.url", registry.url().toString(),
                AvroDeserializer.REGISTRY_RETRY_TIMEOUT, "PT30S")).deserializer();
        registry.goDown();
        CompletableFuture<Void> back = CompletableFuture.runAsync(registry::comeBack,
                CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));

        KubeEvent read = reader.deserialize("k8s.events", event);

        assertThat(back).as("the registry came back before the record was read").isDone();
        assertThat(read).isEqualTo(SampleRecords.diskFullPullFailed());
    }

    @Test
    void a_longer_outage_is_registry_unavailable_after_the_retry_timeout() {
        AvroDeserializer<KubeEvent> reader = new AvroDeserializer<>(KubeEvent.class, new SchemaRegistryClient(registry.url()));
        reader.retryRegistryFor(Duration.ofSeconds(1));
        registry.goDown();

        RecordFramingException e = catchThrowableOfType(RecordFramingException.class, () -> reader.deserialize("k8s.events", event));

        assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNAVAILABLE);
    }

    @Test
    void an_unknown_schema_id_is_not_retried() {
        AvroDeserializer<KubeEvent> reader = new AvroDeserializer<>(KubeEvent.class, new SchemaRegistryClient(registry.url()));
        reader.retryRegistryFor(Duration.ofMinutes(10));

        RecordFramingException e = catchThrowableOfType(RecordFramingException.class,
                () -> reader.deserialize("k8s.events", new byte[]{0, 0, 0, 0x27, 0x0f, 2, 4}));

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID);
    }
}
