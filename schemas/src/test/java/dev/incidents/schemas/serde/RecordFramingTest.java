package dev.incidents.schemas.serde;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.fixtures.SampleRecords;
import dev.incidents.schemas.registry.InProcessSchemaRegistry;
import dev.incidents.schemas.registry.SchemaRegistryClient;
import dev.incidents.schemas.serde.RecordFramingException.Reason;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Anything that is not one of our two framings of a readable record is a typed error with a reason. */
class RecordFramingTest {
    private final InProcessSchemaRegistry registry = InProcessSchemaRegistry.start();
    private final AvroDeserializer<KubeEvent> withoutRegistry = new AvroDeserializer<>(KubeEvent.class);
    private final AvroDeserializer<KubeEvent> withRegistry =
            new AvroDeserializer<>(KubeEvent.class, new SchemaRegistryClient(registry.url()));

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void jsonIsAnUnknownMagic() {
        byte[] json = "{\"reason\":\"Failed\"}".getBytes(StandardCharsets.UTF_8);

        RecordFramingException e = failure(withRegistry, json);

        assertThat(e).isInstanceOf(SerializationException.class);
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_MAGIC);
        assertThat(e.getMessage()).contains("7b 22 72 65");
    }

    @Test
    void c3FollowedByAnythingButOneIsAnUnknownMagic() {
        assertThat(failure(withoutRegistry, new byte[]{(byte) 0xC3, 0x02, 1, 2, 3, 4, 5, 6, 7, 8, 9}).reason())
                .isEqualTo(Reason.UNKNOWN_MAGIC);
    }

    @Test
    void emptyAndShortHeadersAreTruncated() {
        assertThat(failure(withoutRegistry, new byte[0]).reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(failure(withoutRegistry, new byte[]{(byte) 0xC3}).reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(failure(withoutRegistry, new byte[]{(byte) 0xC3, 0x01, 1, 2, 3}).reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(failure(withRegistry, new byte[]{0, 0, 0}).reason()).isEqualTo(Reason.TRUNCATED);
    }

    @Test
    void anotherRecordTypesFingerprintIsUnknown() {
        byte[] pod = new AvroSerializer<>(PodSnapshot.class).serialize("k8s.pods", SampleRecords.tritonPodPullingOnGpuNode());

        assertThat(failure(withoutRegistry, pod).reason()).isEqualTo(Reason.UNKNOWN_FINGERPRINT);
    }

    @Test
    void confluentFramingWithoutARegistryIsAnUnknownSchemaId() {
        byte[] bytes = {0, 0, 0, 0, 7, 2, 'x'};

        RecordFramingException e = failure(withoutRegistry, bytes);

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID);
        assertThat(e.getMessage()).contains("schema.registry.url");
    }

    @Test
    void anIdTheRegistryDoesNotKnowIsAnUnknownSchemaId() {
        RecordFramingException e = failure(withRegistry, new byte[]{0, 0, 0, 0x30, 0x39, 2, 'x'});

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID);
        assertThat(e.getMessage()).contains("12345").contains("40403");
    }

    @Test
    void anIdOfAnotherRecordTypeIsIncompatible() {
        byte[] pod = new AvroSerializer<>(PodSnapshot.class, new SchemaRegistryClient(registry.url()), false)
                .serialize("k8s.events", SampleRecords.tritonPodPullingOnGpuNode());

        assertThat(failure(withRegistry, pod).reason()).isEqualTo(Reason.INCOMPATIBLE_SCHEMA);
    }

    @Test
    void aRegistryThatIsDownIsRegistryUnavailable() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        AvroDeserializer<KubeEvent> reader =
                new AvroDeserializer<>(KubeEvent.class, new SchemaRegistryClient(URI.create("http://127.0.0.1:" + freePort)));

        RecordFramingException e = failure(reader, new byte[]{0, 0, 0, 0, 1, 2, 'x'});

        assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNAVAILABLE);
        assertThat(e.getMessage()).contains("unreachable");
    }

    @Test
    void aCutBodyIsCorrupt() {
        byte[] whole = new AvroSerializer<>(KubeEvent.class).serialize("k8s.events", SampleRecords.diskFullPullFailed());

        assertThat(failure(withoutRegistry, Arrays.copyOf(whole, whole.length - 20)).reason()).isEqualTo(Reason.CORRUPT_BODY);
        assertThat(failure(withoutRegistry, Arrays.copyOf(whole, SingleObjectEncoding.HEADER_LENGTH)).reason())
                .isEqualTo(Reason.CORRUPT_BODY);
    }

    @Test
    void bytesLeftOverAfterTheRecordAreCorrupt() {
        byte[] whole = new AvroSerializer<>(KubeEvent.class).serialize("k8s.events", SampleRecords.scheduled());

        assertThat(failure(withoutRegistry, Arrays.copyOf(whole, whole.length + 3)).reason()).isEqualTo(Reason.CORRUPT_BODY);
    }

    private static RecordFramingException failure(AvroDeserializer<KubeEvent> reader, byte[] bytes) {
        RecordFramingException e = catchThrowableOfType(RecordFramingException.class,
                () -> reader.deserialize("k8s.events", bytes));
        assertThat(e).as("deserializing %s", Arrays.toString(bytes)).isNotNull();
        return e;
    }
}
