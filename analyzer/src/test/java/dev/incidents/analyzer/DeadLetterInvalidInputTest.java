package dev.incidents.analyzer;

import static dev.incidents.analyzer.Kube.podEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.replay.Replay;
import dev.incidents.schemas.EventTimeHeader;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.serde.AvroSerde;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.internals.DefaultErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DESIGN section 3: the DLQ holds the original key and bytes of every record the analyzer could not use, with
 * headers saying why and where from, in one layout whether the record was undecodable or decoded but invalid.
 */
class DeadLetterInvalidInputTest {
    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    static final String NODE = "gpu-node-1";
    /** Kafka Streams' own DLQ header names (KIP-1034), which both kinds of dead letter carry. */
    static final List<String> ERROR_HEADERS = List.of("__streams.errors.exception", "__streams.errors.message",
            "__streams.errors.stacktrace", "__streams.errors.topic", "__streams.errors.partition",
            "__streams.errors.offset");

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void countDeadLetters() {
        Metrics.addRegistry(meters);
    }

    @AfterEach
    void stopCounting() {
        Metrics.removeRegistry(meters);
    }

    @Test
    void an_invalid_event_goes_to_the_dlq_with_the_bytes_it_was_read_with_and_why_and_where_from() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            TestInputTopic<byte[], byte[]> events = rawInput(replay, replay.config().eventsTopic());
            byte[] key = utf8("test/inference/Pod/");
            byte[] value = encode(Kube.event("inference", "Pod", "", "Warning", "Failed", "x", T0, T0, 1, "n-1", NODE));
            Headers shipped = new RecordHeaders().add(EventTimeHeader.of(T0));

            events.pipeInput(new TestRecord<>(utf8("test/inference/Pod/triton-0"),
                    encode(podEvent("triton-0", "Normal", "Pulling", "Pulling image", T0, "ok-1", NODE)), T0));
            events.pipeInput(new TestRecord<>(key, value, shipped, T0));

            TestRecord<byte[], byte[]> dead = dlq(replay).readRecord();
            assertThat(dead.key()).isEqualTo(key);
            assertThat(dead.value()).isEqualTo(value);
            assertThat(header(dead, "__streams.errors.exception")).isEqualTo(InvalidInputException.class.getName());
            assertThat(header(dead, "__streams.errors.message")).isEqualTo("event's involvedObject has no kind or name");
            assertThat(header(dead, "__streams.errors.topic")).isEqualTo("k8s.events");
            assertThat(header(dead, "__streams.errors.partition")).isEqualTo("0");
            assertThat(header(dead, "__streams.errors.offset")).isEqualTo("1");
            assertThat(header(dead, EventTimeHeader.NAME)).as("the source record's own headers are kept")
                    .isEqualTo(String.valueOf(T0.toEpochMilli()));
            assertThat(dlq(replay).isEmpty()).as("the valid event is analysed, not dead-lettered").isTrue();
            assertThat(meters.counter("incidents.dlq.records", "input", "events").count()).isEqualTo(1.0);
        }
    }

    @Test
    void an_undecodable_record_and_an_invalid_one_have_one_layout() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            TestInputTopic<byte[], byte[]> events = rawInput(replay, replay.config().eventsTopic());
            events.pipeInput(new TestRecord<>(utf8("test/inference/Pod/x"), new byte[] {1, 2, 3}, T0));
            events.pipeInput(new TestRecord<>(utf8("test/inference/Pod/"),
                    encode(Kube.event("inference", "Pod", "", "Warning", "Failed", "x", T0, T0, 1, "n-1", NODE)), T0));

            List<TestRecord<byte[], byte[]>> dead = dlq(replay).readRecordsToList();
            assertThat(dead).hasSize(2);
            assertThat(dead.get(0).value()).isEqualTo(new byte[] {1, 2, 3});
            assertThat(headerNames(dead.get(0))).containsExactlyElementsOf(ERROR_HEADERS);
            assertThat(headerNames(dead.get(1))).containsExactlyElementsOf(ERROR_HEADERS);
            assertThat(header(dead.get(0), "__streams.errors.offset")).isEqualTo("0");
            assertThat(header(dead.get(1), "__streams.errors.offset")).isEqualTo("1");
        }
    }

    @Test
    void a_pod_tombstone_whose_key_names_no_pod_goes_to_the_dlq_as_a_tombstone() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            rawInput(replay, replay.config().podsTopic()).pipeInput(new TestRecord<>(utf8("test/no-name"), null, T0));

            TestRecord<byte[], byte[]> dead = dlq(replay).readRecord();
            assertThat(dead.key()).isEqualTo(utf8("test/no-name"));
            assertThat(dead.value()).isNull();
            assertThat(header(dead, "__streams.errors.message")).isEqualTo("pod tombstone whose key is not cluster/namespace/name");
            assertThat(header(dead, "__streams.errors.topic")).isEqualTo("k8s.pods");
            assertThat(meters.counter("incidents.dlq.records", "input", "pods").count()).isEqualTo(1.0);
        }
    }

    @Test
    void a_pod_whose_owner_name_has_a_slash_goes_to_the_dlq_instead_of_stopping_the_correlator() {
        // Found by the live page's test (issue #14): such a name made a subject key that Subject.parse rejects.
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.pod("test/inference/w-5d9c7b6f4-abcde", Kube.pod("w</b>", "w-5d9c7b6f4-abcde", NODE, T0, "Running",
                    Kube.running(T0), null, 0, true), T0);

            TestRecord<byte[], byte[]> dead = dlq(replay).readRecord();
            assertThat(header(dead, "__streams.errors.message"))
                    .isEqualTo("pod snapshot's cluster, namespace, name or owner contains '/'");
            assertThat(replay.finish().deadLettered()).isZero(); // read above already
        }
    }

    @Test
    void any_other_processing_error_fails_the_thread_instead_of_hiding_a_bug_in_the_dlq() {
        DeadLetterInvalidInput handler = new DeadLetterInvalidInput();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "k8s.incidents.dlq"));
        DefaultErrorHandlerContext context = new DefaultErrorHandlerContext(null, "k8s.events", 0, 7L,
                new RecordHeaders(), "events-to-signals", new TaskId(0, 0), T0.toEpochMilli(), utf8("k"), utf8("v"));
        Record<String, String> record = new Record<>("k", "v", T0.toEpochMilli());

        assertThat(handler.handleError(context, record, new IllegalStateException("a bug")).result())
                .isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        ProcessingExceptionHandler.Response invalid =
                handler.handleError(context, record, new InvalidInputException("events", "event has no cluster"));
        assertThat(invalid.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(invalid.deadLetterQueueRecords()).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("k8s.incidents.dlq");
            assertThat(r.key()).isEqualTo(utf8("k"));
            assertThat(r.value()).isEqualTo(utf8("v"));
        });
    }

    static TestInputTopic<byte[], byte[]> rawInput(Replay replay, String topic) {
        return replay.driver().createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Read before {@link Replay#finish()}, which drains (and only counts) the DLQ. */
    static TestOutputTopic<byte[], byte[]> dlq(Replay replay) {
        return replay.driver().createOutputTopic(replay.config().dlqTopic(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    static byte[] encode(KubeEvent event) {
        return AvroSerde.of(KubeEvent.class, Map.of()).serializer().serialize("k8s.events", event);
    }

    static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static List<String> headerNames(TestRecord<byte[], byte[]> record) {
        return java.util.Arrays.stream(record.headers().toArray()).map(Header::key).toList();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
