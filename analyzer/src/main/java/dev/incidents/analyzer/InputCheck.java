package dev.incidents.analyzer;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodGroupSnapshot;
import dev.incidents.schemas.PodSnapshot;
import java.util.function.BiFunction;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Validation of decoded input records. A valid record goes on; one that decodes but cannot be analysed (an event
 * without an involved object name, a pod without a namespace) raises an {@link InvalidInputException}, and
 * {@link DeadLetterInvalidInput} sends the record's original bytes to the dead-letter topic instead of crashing or
 * dropping it. Re-encoding the decoded value instead would not give the producer's bytes back, and with a schema
 * registry it would register every input type under the dead-letter topic's one subject.
 */
public final class InputCheck<T> implements FixedKeyProcessor<String, T, T> {

    private final String input;
    private final BiFunction<String, T, String> validator;
    private FixedKeyProcessorContext<String, T> context;

    /**
     * @param input     the input's name ({@code events}, {@code pods}, {@code nodes})
     * @param validator what makes a record of this input unusable; null when it is fine
     */
    public InputCheck(String input, BiFunction<String, T, String> validator) {
        this.input = input;
        this.validator = validator;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, T> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, T> record) {
        String problem = validator.apply(record.key(), record.value());
        if (problem != null) {
            throw new InvalidInputException(input, problem);
        }
        context.forward(record);
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

    /** What makes a gang object snapshot unusable; null when it is fine (a tombstone is: it routes nowhere). */
    public static String podGroup(String key, PodGroupSnapshot g) {
        if (g == null) {
            return null;
        }
        if (blank(g.getName()) || blank(g.getNamespace()) || blank(g.getCluster())) {
            return "pod group snapshot has no cluster, namespace or name";
        }
        if (slashed(g.getCluster()) || slashed(g.getNamespace()) || slashed(g.getName()) || slashed(g.getKind())
                || g.getOwners().stream().anyMatch(o -> slashed(o.getKind()) || slashed(o.getName()))) {
            return "pod group snapshot's cluster, namespace, name, kind or owner contains '/'";
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
        // Subject keys are cluster/namespace/kind/name: a '/' in any part would stop the correlator when it parses one.
        if (slashed(p.getCluster()) || slashed(p.getNamespace()) || slashed(p.getName())
                || p.getOwners().stream().anyMatch(o -> slashed(o.getKind()) || slashed(o.getName()))) {
            return "pod snapshot's cluster, namespace, name or owner contains '/'";
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
        if (slashed(n.getCluster()) || slashed(n.getName())) {
            return "node snapshot's cluster or name contains '/'";
        }
        if (n.getObservedAt() == null) {
            return "node snapshot has no observedAt";
        }
        return null;
    }

    private static boolean slashed(String s) {
        return s != null && s.indexOf('/') >= 0;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
