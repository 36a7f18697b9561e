package dev.incidents.schemas.serde;

import dev.incidents.schemas.KubeEvent;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever lands on a topic, the deserializer answers a record or a RecordFramingException, never anything else. */
class ArbitraryBytesTest {
    private static final byte[] KUBE_EVENT_HEADER = SingleObjectEncoding.header(KubeEvent.getClassSchema());
    private final AvroDeserializer<KubeEvent> reader = new AvroDeserializer<>(KubeEvent.class);

    @Property(tries = 200)
    void anyBytesAreARecordOrATypedError(@ForAll @Size(max = 64) byte[] bytes) {
        assertReadsOrRejects(bytes);
    }

    @Property(tries = 400)
    void garbageAfterAValidHeaderIsARecordOrATypedError(@ForAll @Size(max = 200) byte[] body) {
        byte[] bytes = Arrays.copyOf(KUBE_EVENT_HEADER, KUBE_EVENT_HEADER.length + body.length);
        System.arraycopy(body, 0, bytes, KUBE_EVENT_HEADER.length, body.length);
        assertReadsOrRejects(bytes);
    }

    private void assertReadsOrRejects(byte[] bytes) {
        try {
            assertThat(reader.deserialize("k8s.events", bytes)).isNotNull();
        } catch (RecordFramingException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }
}
