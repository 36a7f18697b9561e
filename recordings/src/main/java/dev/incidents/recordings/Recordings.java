package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.TopicKeys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads recorded logs in every format of DESIGN.md section 6 into records for the input topics, merged across
 * files by event time. Used by {@code replay} (analyzer) and {@code ship --from} (shipper), so both see the same
 * records for the same file. Bad input becomes a {@link Rejection}; this never throws for bad data.
 */
public final class Recordings {
    /** The file name that means standard input. */
    public static final String STDIN = "-";
    private static final Set<String> OWNER_KINDS = Set.of("ReplicaSet", "Job", "StatefulSet", "DaemonSet", "Deployment");

    private Recordings() {
    }

    /**
     * Reads {@code files} (a path of {@code -} is standard input), detecting each file's format from its content.
     * The result is ordered by {@link Recorded#time()}; records with equal times keep file order, then position.
     * A file that cannot be opened is one rejection at line 0.
     */
    public static List<Recorded> read(List<Path> files, ReadOptions options, Consumer<Rejection> rejected) {
        List<RawObject> raw = new ArrayList<>();
        for (Path path : files) {
            String name = path.toString();
            String text;
            try {
                text = STDIN.equals(name) ? decode(System.in.readAllBytes()) : decode(Files.readAllBytes(path));
            } catch (CharacterCodingException e) {
                rejected.accept(new Rejection(name, 0, "not UTF-8 text"));
                continue;
            } catch (IOException e) {
                rejected.accept(new Rejection(name, 0, "cannot read: " + e.getMessage()));
                continue;
            }
            readText(name, text, options, raw::add, rejected);
        }
        return map(raw, options, rejected);
    }

    /** Reads one log given as text (tests, HTTP uploads); {@code name} is what rejections report. */
    public static List<Recorded> read(String name, String text, ReadOptions options, Consumer<Rejection> rejected) {
        List<RawObject> raw = new ArrayList<>();
        readText(name, text, options, raw::add, rejected);
        return map(raw, options, rejected);
    }

    /** Reads from a stream (e.g. stdin) under the given name. */
    public static List<Recorded> read(String name, InputStream in, ReadOptions options, Consumer<Rejection> rejected)
            throws IOException {
        try {
            return read(name, decode(in.readAllBytes()), options, rejected);
        } catch (CharacterCodingException e) {
            rejected.accept(new Rejection(name, 0, "not UTF-8 text"));
            return List.of();
        }
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static void readText(String name, String text, ReadOptions options, Consumer<RawObject> out,
                                 Consumer<Rejection> rejected) {
        List<String> lines = text.lines().toList();
        try {
            if (JsonLogReader.looksLikeJson(text)) {
                new JsonLogReader(name, options, out, rejected).read(lines);
            } else {
                new DescribeTextReader(name, options, out, rejected).read(lines);
            }
        } catch (RuntimeException e) {
            // a reader bug must not stop a replay: report it like bad data, with the file
            rejected.accept(new Rejection(name, 0, "could not read: " + e));
        }
    }

    private static List<Recorded> map(List<RawObject> raw, ReadOptions options, Consumer<Rejection> rejected) {
        ReplayOwners owners = new ReplayOwners();
        for (RawObject object : raw) {
            if (OWNER_KINDS.contains(kindOf(object.object()))) {
                owners.learn(object.object());
            }
        }
        List<Recorded> records = new ArrayList<>(raw.size());
        for (RawObject object : raw) {
            try {
                Recorded record = map(object, options, owners);
                if (record != null) {
                    records.add(record);
                }
            } catch (MalformedObjectException e) {
                rejected.accept(new Rejection(object.file(), object.line(), e.reason()));
            }
        }
        records.sort(Comparator.comparing(Recorded::time)); // List.sort is stable: file order, then position
        return records;
    }

    private static Recorded map(RawObject raw, ReadOptions options, OwnerLookup owners) {
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
                PodSnapshot pod = KubeObjects.pod(object, raw.cluster(), owners, time);
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
            case "" -> throw new MalformedObjectException("object without kind that is neither an Event, a Pod nor a Node");
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
