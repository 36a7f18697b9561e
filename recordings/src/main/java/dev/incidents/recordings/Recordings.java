package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.TopicKeys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads recorded logs in every format of DESIGN.md section 6 into records for the input topics, merged across
 * files by event time, streamed ({@link #stream}) or whole ({@link #read}). Used by {@code replay} (analyzer) and {@code ship --from} (shipper), so both see the same
 * records for the same file. Bad input becomes a {@link Rejection}; this never throws for bad data.
 */
public final class Recordings {
    /** The file name that means standard input. */
    public static final String STDIN = "-";
    static final Set<String> OWNER_KINDS = Set.of("ReplicaSet", "Job", "StatefulSet", "DaemonSet", "Deployment");

    private Recordings() {
    }

    /**
     * Reads {@code files} (a path of {@code -} is standard input) as they are consumed, detecting each file's format
     * from its content: records in event-time order (see {@link RecordStream} for the reorder window), equal times
     * in file order, then position. A file that cannot be opened is one rejection at line 0. Close the stream.
     */
    public static RecordStream stream(List<Path> files, ReadOptions options, Consumer<Rejection> rejected) {
        List<RecordStream.Input> inputs = new ArrayList<>();
        List<SupportBundle> bundles = new ArrayList<>();
        for (Path path : files) {
            String name = path.toString();
            if (STDIN.equals(name)) {
                inputs.add(new RecordStream.Input(name, () -> System.in, false));
                continue;
            }
            try {
                if (Files.isDirectory(path) || SupportBundle.isArchive(path)) {
                    // a support bundle or a directory of recordings: each of its files is a source of its own
                    SupportBundle bundle = Files.isDirectory(path) ? SupportBundle.ofDirectory(path)
                            : SupportBundle.ofArchive(path);
                    bundles.add(bundle);
                    inputs.addAll(bundle.inputs());
                    continue;
                }
            } catch (IOException | UncheckedIOException e) {
                rejected.accept(new Rejection(name, 0, "cannot read: " + e.getMessage()));
                continue;
            }
            inputs.add(new RecordStream.Input(name, () -> Files.newInputStream(path), true));
        }
        return new RecordStream(inputs, bundles, options, rejected);
    }

    /**
     * Reads {@code files} whole, as {@link #stream} orders them; for tests and small inputs (memory grows with the
     * input: {@code replay} and {@code ship --from} stream).
     */
    public static List<Recorded> read(List<Path> files, ReadOptions options, Consumer<Rejection> rejected) {
        try (RecordStream records = stream(files, options, rejected)) {
            return drain(records);
        }
    }

    /** Reads one log given as text (tests, HTTP uploads); {@code name} is what rejections report. */
    public static List<Recorded> read(String name, String text, ReadOptions options, Consumer<Rejection> rejected) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (RecordStream records = new RecordStream(List.of(new RecordStream.Input(name,
                () -> new ByteArrayInputStream(bytes), true)), options, rejected)) {
            return drain(records);
        }
    }

    /** Reads from a stream (e.g. stdin) under the given name; closes it unless it is {@link System#in}. */
    public static List<Recorded> read(String name, InputStream in, ReadOptions options, Consumer<Rejection> rejected) {
        try (RecordStream records = new RecordStream(List.of(new RecordStream.Input(name, () -> in, in != System.in)),
                options, rejected)) {
            return drain(records);
        }
    }

    private static List<Recorded> drain(RecordStream records) {
        List<Recorded> all = new ArrayList<>();
        records.forEachRemaining(all::add);
        return all;
    }

    static Recorded map(RawObject raw, ReadOptions options) {
        JsonNode object = raw.object();
        String kind = kindOf(object);
        boolean deleted = "DELETED".equals(raw.watchType());
        switch (kind) {
            case "Event" -> {
                if (deleted) {
                    return null; // an Event expiring is not a signal
                }
                KubeEvent event = KubeObjects.event(object, raw.cluster());
                Instant time = KubeObjects.firstNonNullTime(KubeObjects.eventTime(event), raw.lineTime(), options.now());
                return new Recorded(time, Recorded.Kind.EVENT, TopicKeys.event(event), event, raw.file(), raw.line());
            }
            case "Pod" -> {
                if (deleted) {
                    String name = KubeObjects.requireName(object, "Pod");
                    String namespace = JsonFields.firstNonNull(JsonFields.text(object, "metadata", "namespace"), "default");
                    Instant time = KubeObjects.firstNonNullTime(raw.lineTime(), JsonFields.time(object, "metadata", "deletionTimestamp"),
                            KubeObjects.podTime(object).orElse(null), options.now());
                    return new Recorded(time, Recorded.Kind.POD, TopicKeys.pod(raw.cluster(), namespace, name), null,
                            raw.file(), raw.line());
                }
                Instant time = KubeObjects.firstNonNullTime(raw.lineTime(), KubeObjects.podTime(object).orElse(null), options.now());
                PodSnapshot pod = KubeObjects.pod(object, raw.cluster(), OwnerLookup.NONE, time);
                return new Recorded(time, Recorded.Kind.POD, TopicKeys.pod(pod), pod, raw.file(), raw.line());
            }
            case "Node" -> {
                if (deleted) {
                    Instant time = KubeObjects.firstNonNullTime(raw.lineTime(), KubeObjects.nodeTime(object).orElse(null), options.now());
                    return new Recorded(time, Recorded.Kind.NODE, TopicKeys.node(raw.cluster(), KubeObjects.requireName(object, "Node")),
                            null, raw.file(), raw.line());
                }
                Instant time = KubeObjects.firstNonNullTime(raw.lineTime(), KubeObjects.nodeTime(object).orElse(null), options.now());
                NodeSnapshot node = KubeObjects.node(object, raw.cluster(), time);
                return new Recorded(time, Recorded.Kind.NODE, TopicKeys.node(node), node, raw.file(), raw.line());
            }
            case "PodGroup", "Workload" -> {
                return PodGroupObjects.record(raw, options);
            }
            case "" -> {
                // a pod's or a node's status saved alone ({"terminated": {...}}, {"containerStatuses": [...]}): the
                // object it is the status of, as when pasted in text
                ObjectNode owner = object.isObject() ? YamlObjects.statusObject(object) : null;
                if (owner == null) {
                    throw new MalformedObjectException("object without kind that is neither an Event, a Pod nor a Node");
                }
                return map(new RawObject(owner, raw.watchType(), raw.lineTime(), raw.cluster(), raw.file(), raw.line()),
                        options);
            }
            default -> {
                return null; // other kinds (owners, Status, ...) are not records; owners were learned above
            }
        }
    }

    /**
     * The object's kind, inferred when absent (event exporters and some tools drop TypeMeta): an Event has an
     * involvedObject/regarding, a Pod containers, a Node nodeInfo or capacity.
     */
    static String kindOf(JsonNode object) {
        String kind = JsonFields.text(object, "kind");
        if (kind != null) {
            return kind;
        }
        if (JsonFields.at(object, "involvedObject") != null || JsonFields.at(object, "regarding") != null) {
            return "Event";
        }
        if (JsonFields.at(object, "spec", "containers") != null || JsonFields.at(object, "status", "containerStatuses") != null) {
            return "Pod";
        }
        if (JsonFields.at(object, "status", "nodeInfo") != null || JsonFields.at(object, "status", "capacity") != null) {
            return "Node";
        }
        return "";
    }
}
