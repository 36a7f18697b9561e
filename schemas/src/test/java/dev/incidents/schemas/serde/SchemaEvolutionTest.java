package dev.incidents.schemas.serde;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.fixtures.SampleRecords;
import dev.incidents.schemas.registry.InProcessSchemaRegistry;
import dev.incidents.schemas.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.SchemaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evolution both ways against the generated KubeEvent (the "current" schema): bytes from an older writer that
 * lacked a defaulted field, and bytes from a newer writer that added one.
 */
class SchemaEvolutionTest {
    private static final Schema CURRENT = KubeEvent.getClassSchema();
    /** KubeEvent before "action" existed. */
    private static final Schema OLDER = withoutField(CURRENT, "action");
    /** KubeEvent after a producer added "gpuModel" with a default. */
    private static final Schema NEWER = withExtraField(CURRENT,
            new Schema.Field("gpuModel", Schema.create(Schema.Type.STRING), "GPU product of the node", ""));

    private final InProcessSchemaRegistry registry = InProcessSchemaRegistry.start();

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void olderWriterSingleObjectIsReadWithTheNewFieldDefaulted() throws IOException {
        KubeEvent event = SampleRecords.scheduled();
        byte[] body = rewrite(event, OLDER, null);
        SchemaStore.Cache known = new SchemaStore.Cache();
        known.addSchema(OLDER);

        KubeEvent read = new AvroDeserializer<>(KubeEvent.class, known)
                .deserialize("k8s.events", concat(SingleObjectEncoding.header(OLDER), body));

        assertThat(read.getAction()).isNull();
        assertThat(read.getReason()).isEqualTo("Scheduled");
        assertThat(read.getEventTime()).isEqualTo(event.getEventTime());
    }

    @Test
    void olderWriterConfluentIsReadWithTheNewFieldDefaulted() throws IOException {
        KubeEvent event = SampleRecords.scheduled();
        int oldId = registry.register("k8s.events-value", OLDER);
        byte[] bytes = concat(ConfluentWireFormat.header(oldId), rewrite(event, OLDER, null));

        KubeEvent read = new AvroDeserializer<>(KubeEvent.class, new SchemaRegistryClient(registry.url()))
                .deserialize("k8s.events", bytes);

        KubeEvent expected = KubeEvent.newBuilder(event).setAction(null).build();
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void newerWriterConfluentIsReadByTheCurrentReaderIgnoringTheNewField() throws IOException {
        KubeEvent event = SampleRecords.diskFullPullFailed();
        int newId = registry.register("k8s.events-value", NEWER);
        byte[] bytes = concat(ConfluentWireFormat.header(newId), rewrite(event, NEWER, "NVIDIA-A10G"));

        KubeEvent read = new AvroDeserializer<>(KubeEvent.class, new SchemaRegistryClient(registry.url()))
                .deserialize("k8s.events", bytes);

        assertThat(read).isEqualTo(event);
    }

    @Test
    void newerWriterSingleObjectIsReadOnceTheReaderKnowsTheNewSchema() throws IOException {
        KubeEvent event = SampleRecords.diskFullPullFailed();
        byte[] bytes = concat(SingleObjectEncoding.header(NEWER), rewrite(event, NEWER, "NVIDIA-A10G"));
        SchemaStore.Cache known = new SchemaStore.Cache();
        known.addSchema(NEWER);

        KubeEvent read = new AvroDeserializer<>(KubeEvent.class, known).deserialize("k8s.events", bytes);

        assertThat(read).isEqualTo(event);
    }

    @Test
    void newerWriterSingleObjectIsAnUnknownFingerprintForAReaderThatWasNotTold() throws IOException {
        byte[] bytes = concat(SingleObjectEncoding.header(NEWER), rewrite(SampleRecords.scheduled(), NEWER, "A100"));

        assertThat(catchFraming(() -> new AvroDeserializer<>(KubeEvent.class).deserialize("k8s.events", bytes)))
                .isEqualTo(RecordFramingException.Reason.UNKNOWN_FINGERPRINT);
    }

    /** The record's Avro body re-written with {@code schema}: read by projection, extra field set when given. */
    private static byte[] rewrite(KubeEvent event, Schema schema, String gpuModel) throws IOException {
        byte[] current = new AvroSerializer<>(KubeEvent.class).serialize("k8s.events", event);
        GenericRecord projected = new GenericDatumReader<GenericRecord>(CURRENT, schema).read(null,
                DecoderFactory.get().binaryDecoder(current, SingleObjectEncoding.HEADER_LENGTH,
                        current.length - SingleObjectEncoding.HEADER_LENGTH, null));
        if (gpuModel != null) {
            projected.put("gpuModel", gpuModel);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema, GenericData.get()).write(projected, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Schema withoutField(Schema schema, String name) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            if (!field.name().equals(name)) {
                fields.add(new Schema.Field(field, field.schema()));
            }
        }
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static Schema withExtraField(Schema schema, Schema.Field extra) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        fields.add(extra);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static byte[] concat(byte[] header, byte[] body) {
        byte[] bytes = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, bytes, header.length, body.length);
        return bytes;
    }

    private static RecordFramingException.Reason catchFraming(Runnable read) {
        try {
            read.run();
        } catch (RecordFramingException e) {
            return e.reason();
        }
        throw new AssertionError("expected a RecordFramingException");
    }

}
