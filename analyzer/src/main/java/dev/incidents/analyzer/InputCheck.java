package dev.incidents.analyzer;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Validation of decoded input records. A record that decodes but cannot be analysed (an event without an involved
 * object name, a pod without a namespace) is marked with a problem and the DLQ headers, and the topology sends it
 * to the dead-letter topic instead of crashing or dropping it. The headers use the names of Kafka Streams' own DLQ
 * records (KIP-1034), so one consumer reads both kinds.
 */
public final class InputCheck<T> implements FixedKeyProcessor<String, T, InputCheck.Checked<T>> {

    /** KIP-1034 header names (org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils). */
    public static final String HEADER_EXCEPTION = "__streams.errors.exception";
    public static final String HEADER_MESSAGE = "__streams.errors.message";
    public static final String HEADER_TOPIC = "__streams.errors.topic";
    public static final String HEADER_PARTITION = "__streams.errors.partition";
    public static final String HEADER_OFFSET = "__streams.errors.offset";

    /** A value with what is wrong with it (null when valid). */
    public record Checked<T>(T value, String problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    private final BiFunction<String, T, String> validator;
    private FixedKeyProcessorContext<String, Checked<T>> context;

    public InputCheck(BiFunction<String, T, String> validator) {
        this.validator = validator;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Checked<T>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, T> record) {
        String problem = validator.apply(record.key(), record.value());
        if (problem != null) {
            Headers headers = record.headers();
            headers.add(HEADER_EXCEPTION, bytes("InvalidInputRecord"));
            headers.add(HEADER_MESSAGE, bytes(problem));
            context.recordMetadata().ifPresent(m -> {
                headers.add(HEADER_TOPIC, bytes(m.topic()));
                headers.add(HEADER_PARTITION, bytes(Integer.toString(m.partition())));
                headers.add(HEADER_OFFSET, bytes(Long.toString(m.offset())));
            });
        }
        context.forward(record.withValue(new Checked<>(record.value(), problem)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** What makes an event unusable; null when it is fine. */
    public static String event(String key, KubeEvent e) {
        if (e == null) {
            return "tombstone on the events topic";
        }
        if (e.getInvolvedObject() == null) {
            return "event has no involvedObject/regarding";
        }
        if (blank(e.getInvolvedObject().getKind()) || blank(e.getInvolvedObject().getName())) {
            return "event's involvedObject has no kind or name";
        }
        if (blank(e.getCluster())) {
            return "event has no cluster";
        }
        if (e.getInvolvedObject().getName().contains("/")) {
            return "involvedObject name contains '/'";
        }
        return null;
    }

    /** What makes a pod snapshot unusable; null when it is fine. */
    public static String pod(String key, PodSnapshot p) {
        if (p == null) {
            return key == null || key.split("/", -1).length != 3 || key.endsWith("/")
                    ? "pod tombstone whose key is not cluster/namespace/name" : null;
        }
        if (blank(p.getName()) || blank(p.getNamespace()) || blank(p.getCluster())) {
            return "pod snapshot has no cluster, namespace or name";
        }
        if (p.getObservedAt() == null) {
            return "pod snapshot has no observedAt";
        }
        return null;
    }

    /** What makes a node snapshot unusable; null when it is fine. */
    public static String node(String key, NodeSnapshot n) {
        if (n == null) {
            return key == null || key.split("/", -1).length != 2 || key.endsWith("/")
                    ? "node tombstone whose key is not cluster/name" : null;
        }
        if (blank(n.getName()) || blank(n.getCluster())) {
            return "node snapshot has no cluster or name";
        }
        if (n.getObservedAt() == null) {
            return "node snapshot has no observedAt";
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
