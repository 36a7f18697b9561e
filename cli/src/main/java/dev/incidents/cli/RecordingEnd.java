package dev.incidents.cli;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.recordings.Recorded;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.ObjectRef;
import dev.incidents.schemas.TopicKeys;
import dev.incidents.schemas.serde.AvroSerde;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The end of a recording shipped into a live analyzer, told as {@code replay} tells the end of its input. Where a live
 * cluster's quiet moves event time on with the wall clock (the idle clock), a recording shipped in seconds has no
 * quiet to speak of: with the idle clock off ({@code incidents.idle.advance.interval=PT0S}), one event per partition
 * of the events topic, about an object no detector reads, timed just past the longest grace period, moves event time
 * exactly as far as replay's end of input. However long the analyzer takes to catch up (a restart, a crash), event
 * time stops there, so the live result is replay's. What {@code demo} and the crash tests ship after a recording.
 */
public final class RecordingEnd {
    /** The kind of the marker's object: one no detector reads, so it moves event time and nothing else. */
    public static final String MARKER_KIND = "Namespace";
    private static final String MARKER_CLUSTER = "end-of-recording";

    private RecordingEnd() {
    }

    /** Where replay stops event time after {@code records}: past the last one by the longest grace and the lateness bound. */
    public static Instant of(List<Recorded> records, AnalyzerConfig config) {
        return after(records.stream().map(Recorded::time).max(Instant::compareTo).orElse(Instant.EPOCH), config);
    }

    /** Where replay stops event time after a recording whose newest record is at {@code last}. */
    public static Instant after(Instant last, AnalyzerConfig config) {
        return last.plus(config.longestGrace()).plus(config.lateness()).plusSeconds(1);
    }

    /** One marker event timed at {@code end} on every partition of {@code eventsTopic}: every input partition's clock reaches it. */
    public static void mark(Map<String, Object> client, String eventsTopic, Instant end)
            throws ExecutionException, InterruptedException {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (var serde = AvroSerde.of(KubeEvent.class, new HashMap<>(client));
             KafkaProducer<String, KubeEvent> producer = new KafkaProducer<>(settings, new StringSerializer(),
                     serde.serializer())) {
            int partitions = producer.partitionsFor(eventsTopic).size();
            for (int p = 0; p < partitions; p++) {
                KubeEvent marker = KubeEvent.newBuilder()
                        .setCluster(MARKER_CLUSTER)
                        .setNamespace("default")
                        .setName("end-of-recording." + p)
                        .setInvolvedObject(ObjectRef.newBuilder().setKind(MARKER_KIND).setName("default").build())
                        .setReason("EndOfRecording")
                        .setMessage("the recording ends here")
                        .setType("Normal")
                        .setLastTimestamp(end)
                        .build();
                producer.send(new ProducerRecord<>(eventsTopic, p, null, TopicKeys.event(marker), marker)).get();
            }
        }
    }
}
