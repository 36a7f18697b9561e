package dev.incidents.cli.bench;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.serde.AvroSerde;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The baseline of issue #12 target 3: the least a Kafka Streams application over the analyzer's inputs can do. One
 * source over the three input topics (so each task merges events, pods and nodes of one partition, as the analyzer's
 * input stage does), every value decoded with the project's Avro serde of its topic and encoded again, written to one
 * output topic. Run with the analyzer's Streams settings and exactly-once v2.
 */
final class PassThroughApp {
    private PassThroughApp() {
    }

    static Topology build(String events, String pods, String nodes, String output, Map<String, Object> serdeConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(List.of(events, pods, nodes), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("inputs"))
                .processValues(() -> new Recode(events, pods, nodes, serdeConfig), Named.as("decode-and-encode"))
                .to(output, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("output"));
        return builder.build();
    }

    /** Decodes a value with its topic's serde and encodes it again: the serde work the analyzer's inputs cost. */
    private static final class Recode implements FixedKeyProcessor<String, byte[], byte[]> {
        private final String events;
        private final String pods;
        private final Serde<KubeEvent> eventSerde;
        private final Serde<PodSnapshot> podSerde;
        private final Serde<NodeSnapshot> nodeSerde;
        private FixedKeyProcessorContext<String, byte[]> context;

        Recode(String events, String pods, String nodes, Map<String, Object> serdeConfig) {
            this.events = events;
            this.pods = pods;
            this.eventSerde = AvroSerde.of(KubeEvent.class, serdeConfig);
            this.podSerde = AvroSerde.of(PodSnapshot.class, serdeConfig);
            this.nodeSerde = AvroSerde.of(NodeSnapshot.class, serdeConfig);
        }

        @Override
        public void init(FixedKeyProcessorContext<String, byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            String topic = context.recordMetadata().map(m -> m.topic()).orElse(events);
            byte[] value = record.value();
            if (value != null) {
                value = topic.equals(events) ? recode(eventSerde, topic, value)
                        : topic.equals(pods) ? recode(podSerde, topic, value) : recode(nodeSerde, topic, value);
            }
            context.forward(record.withValue(value));
        }

        private static <T extends SpecificRecord> byte[] recode(Serde<T> serde, String topic, byte[] value) {
            return serde.serializer().serialize(topic, serde.deserializer().deserialize(topic, value));
        }
    }
}
