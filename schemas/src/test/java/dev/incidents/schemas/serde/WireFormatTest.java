package dev.incidents.schemas.serde;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.fixtures.SampleRecords;
import dev.incidents.schemas.registry.InProcessSchemaRegistry;
import dev.incidents.schemas.registry.RegistrySettings;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Byte-for-byte layout of both framings. */
class WireFormatTest {
    private final InProcessSchemaRegistry registry = InProcessSchemaRegistry.start();

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void singleObjectEncodingIsMarkerThenLittleEndianFingerprintThenBody() throws Exception {
        KubeEvent event = SampleRecords.diskFullPullFailed();

        byte[] bytes = new AvroSerializer<>(KubeEvent.class).serialize("k8s.events", event);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(fingerprint).isEqualTo(SchemaNormalization.parsingFingerprint64(KubeEvent.getClassSchema()));
        // Avro's own single-object encoder (the generated toByteBuffer) is the reference implementation.
        assertThat(bytes).isEqualTo(toArray(event.toByteBuffer()));
    }

    @Test
    void singleObjectFingerprintBytesAreLittleEndian() {
        byte[] header = SingleObjectEncoding.header(NodeSnapshot.getClassSchema());
        long fingerprint = SchemaNormalization.parsingFingerprint64(NodeSnapshot.getClassSchema());

        assertThat(header).hasSize(10);
        for (int i = 0; i < 8; i++) {
            assertThat(header[2 + i]).as("fingerprint byte %d", i).isEqualTo((byte) (fingerprint >>> (8 * i)));
        }
    }

    @Test
    void confluentWireFormatIsMagicZeroThenBigEndianIdThenBody() throws Exception {
        registry.register("other-value", PodSnapshot.getClassSchema());
        registry.register("another-value", NodeSnapshot.getClassSchema());
        KubeEvent event = SampleRecords.diskFullPullFailed();
        AvroSerde<KubeEvent> serde = AvroSerde.of(KubeEvent.class,
                Map.of(RegistrySettings.SCHEMA_REGISTRY_URL, registry.url().toString()));

        byte[] bytes = serde.serializer().serialize("k8s.events", event);

        assertThat(Arrays.copyOf(bytes, 5)).containsExactly(0, 0, 0, 0, 3);
        byte[] avroBody = toArray(event.toByteBuffer());
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length))
                .isEqualTo(Arrays.copyOfRange(avroBody, 10, avroBody.length));
        assertThat(registry.subjects()).contains("k8s.events-value");
    }

    /** {@code ship --from} sends its reader's single-object bytes: reframed, they are what serializing the record gives. */
    @Test
    void singleObjectBytesReframeToWhatSerializingTheRecordGivesInBothFramings() throws Exception {
        KubeEvent event = SampleRecords.diskFullPullFailed();
        byte[] singleObject = toArray(event.toByteBuffer());
        AvroSerializer<KubeEvent> plain = new AvroSerializer<>(KubeEvent.class);
        AvroSerde<KubeEvent> confluent = AvroSerde.of(KubeEvent.class,
                Map.of(RegistrySettings.SCHEMA_REGISTRY_URL, registry.url().toString()));

        assertThat(plain.reframe("k8s.events", singleObject)).isEqualTo(plain.serialize("k8s.events", event));
        assertThat(confluent.serializer().reframe("k8s.events", singleObject))
                .isEqualTo(confluent.serializer().serialize("k8s.events", event));
        assertThat(plain.reframe("k8s.events", null)).isNull();
        byte[] node = toArray(SampleRecords.gpuNodeWithDiskPressure().toByteBuffer());
        assertThatThrownBy(() -> plain.reframe("k8s.events", node)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("not its single-object encoding");
    }

    @Test
    void bigEndianIdUsesAllFourBytes() {
        assertThat(ConfluentWireFormat.header(0x01020304)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void keysAreRegisteredUnderTheKeySubject() {
        AvroSerde<KubeEvent> keySerde = AvroSerde.ofKey(KubeEvent.class,
                Map.of(RegistrySettings.SCHEMA_REGISTRY_URL, registry.url().toString()));

        keySerde.serializer().serialize("k8s.events", SampleRecords.scheduled());

        assertThat(registry.subjects()).containsExactly("k8s.events-key");
    }

    @Test
    void readsWhatAvrosOwnSingleObjectEncoderWrote() throws Exception {
        KubeEvent event = SampleRecords.scheduled();

        KubeEvent read = new AvroDeserializer<>(KubeEvent.class).deserialize("k8s.events", toArray(event.toByteBuffer()));

        assertThat(read).isEqualTo(event);
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
