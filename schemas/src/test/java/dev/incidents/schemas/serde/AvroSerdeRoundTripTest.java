package dev.incidents.schemas.serde;

import dev.incidents.schemas.Incident;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodGroupSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.fixtures.SampleRecords;
import dev.incidents.schemas.registry.InProcessSchemaRegistry;
import dev.incidents.schemas.registry.RegistrySettings;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every top-level schema survives both framings unchanged, nulls (tombstones) included. */
class AvroSerdeRoundTripTest {
    private static InProcessSchemaRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = InProcessSchemaRegistry.start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of(KubeEvent.class, SampleRecords.diskFullPullFailed()),
                Arguments.of(KubeEvent.class, SampleRecords.scheduled()),
                Arguments.of(PodSnapshot.class, SampleRecords.tritonPodPullingOnGpuNode()),
                Arguments.of(NodeSnapshot.class, SampleRecords.gpuNodeWithDiskPressure()),
                Arguments.of(PodGroupSnapshot.class, SampleRecords.volcanoGangPartlyPlaced()),
                Arguments.of(Incident.class, SampleRecords.diskFullIncident()));
    }

    @ParameterizedTest(name = "{0} single-object")
    @MethodSource("records")
    <T extends SpecificRecord> void singleObjectRoundTrip(Class<T> type, T record) {
        AvroSerde<T> serde = AvroSerde.of(type, Map.of());

        byte[] bytes = serde.serializer().serialize("topic", record);

        assertThat(bytes[0]).isEqualTo(SingleObjectEncoding.MARKER_0);
        assertThat(serde.deserializer().deserialize("topic", bytes)).isEqualTo(record);
    }

    @ParameterizedTest(name = "{0} Confluent")
    @MethodSource("records")
    <T extends SpecificRecord> void confluentRoundTrip(Class<T> type, T record) {
        AvroSerde<T> serde = AvroSerde.of(type, Map.of(RegistrySettings.SCHEMA_REGISTRY_URL, registry.url().toString()));

        byte[] bytes = serde.serializer().serialize("topic-" + type.getSimpleName(), record);

        assertThat(bytes[0]).isEqualTo(ConfluentWireFormat.MAGIC);
        assertThat(serde.deserializer().deserialize("topic-" + type.getSimpleName(), bytes)).isEqualTo(record);
    }

    @ParameterizedTest(name = "{0} written single-object, read by a registry-configured reader")
    @MethodSource("records")
    <T extends SpecificRecord> void aRegistryReaderAlsoReadsSingleObject(Class<T> type, T record) {
        byte[] bytes = new AvroSerializer<>(type).serialize("topic", record);

        AvroSerde<T> reader = AvroSerde.of(type, Map.of(RegistrySettings.SCHEMA_REGISTRY_URL, registry.url().toString()));

        assertThat(reader.deserializer().deserialize("topic", bytes)).isEqualTo(record);
    }

    /**
     * Lists are read as ArrayLists, nested ones too: Avro's GenericData.Array compares itself with a model that has no
     * logical types and throws on a list of Conditions carrying a time. Read both ways, equal both ways.
     */
    @ParameterizedTest(name = "{0} lists")
    @MethodSource("records")
    <T extends SpecificRecord> void listsAreReadAsArrayListsAndCompareBothWays(Class<T> type, T record) {
        AvroSerde<T> serde = AvroSerde.of(type, Map.of());

        T read = serde.deserializer().deserialize("topic", serde.serializer().serialize("topic", record));

        assertThat(listsIn(read)).allMatch(list -> list.getClass() == java.util.ArrayList.class);
        assertThat(read.equals(record)).isTrue();
        assertThat(record.equals(read)).isTrue();
    }

    private static java.util.List<java.util.List<?>> listsIn(Object value) {
        java.util.List<java.util.List<?>> lists = new java.util.ArrayList<>();
        if (value instanceof SpecificRecord r) {
            for (org.apache.avro.Schema.Field f : r.getSchema().getFields()) {
                lists.addAll(listsIn(r.get(f.pos())));
            }
        } else if (value instanceof java.util.List<?> list) {
            lists.add(list);
            list.forEach(element -> lists.addAll(listsIn(element)));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> lists.addAll(listsIn(v)));
        }
        return lists;
    }

    @Test
    void nullIsATombstoneBothWays() {
        AvroSerde<PodSnapshot> serde = new AvroSerde<>(PodSnapshot.class);

        assertThat(serde.serializer().serialize("k8s.pods", null)).isNull();
        assertThat(serde.deserializer().deserialize("k8s.pods", null)).isNull();
    }

    @Test
    void blankRegistryUrlMeansSingleObject() {
        AvroSerde<KubeEvent> serde = AvroSerde.of(KubeEvent.class, Map.of(RegistrySettings.SCHEMA_REGISTRY_URL, "  "));

        byte[] bytes = serde.serializer().serialize("k8s.events", SampleRecords.scheduled());

        assertThat(bytes[0]).isEqualTo(SingleObjectEncoding.MARKER_0);
    }

    @Test
    void preservesExtendedResourcesTaintsAndTheVerbatimMessage() {
        AvroSerde<PodSnapshot> pods = new AvroSerde<>(PodSnapshot.class);
        AvroSerde<KubeEvent> events = new AvroSerde<>(KubeEvent.class);

        PodSnapshot pod = pods.deserializer().deserialize("k8s.pods",
                pods.serializer().serialize("k8s.pods", SampleRecords.tritonPodPullingOnGpuNode()));
        KubeEvent event = events.deserializer().deserialize("k8s.events",
                events.serializer().serialize("k8s.events", SampleRecords.diskFullPullFailed()));

        assertThat(pod.getContainers().get(0).getRequests()).containsEntry("nvidia.com/gpu", "1");
        assertThat(pod.getTolerations().get(0).getKey()).isEqualTo("nvidia.com/gpu");
        assertThat(event.getMessage()).endsWith("NsightCompute.pdf: no space left on device");
        assertThat(event.getFirstTimestamp()).isEqualTo(SampleRecords.PULL_FAILED_AT);
    }
}
