package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.TopicKeys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
        Mapper mapper = new Mapper(options, rejected);
        for (Path path : files) {
            String name = path.toString();
            List<String> lines;
            try {
                lines = STDIN.equals(name) ? lines(System.in) : lines(Files.newInputStream(path));
            } catch (CharacterCodingException e) {
                rejected.accept(new Rejection(name, 0, "not UTF-8 text"));
                continue;
            } catch (IOException e) {
                rejected.accept(new Rejection(name, 0, "cannot read: " + e.getMessage()));
                continue;
            }
            readLines(name, lines, options, mapper, rejected);
        }
        return mapper.finish();
    }

    /** Reads one log given as text (tests, HTTP uploads); {@code name} is what rejections report. */
    public static List<Recorded> read(String name, String text, ReadOptions options, Consumer<Rejection> rejected) {
        Mapper mapper = new Mapper(options, rejected);
        String clean = text.startsWith("\uFEFF") ? text.substring(1) : text;
        readLines(name, clean.lines().toList(), options, mapper, rejected);
        return mapper.finish();
    }

    /** Reads from a stream (e.g. stdin) under the given name. */
    public static List<Recorded> read(String name, InputStream in, ReadOptions options, Consumer<Rejection> rejected)
            throws IOException {
        Mapper mapper = new Mapper(options, rejected);
        try {
            readLines(name, lines(in), options, mapper, rejected);
        } catch (CharacterCodingException e) {
            rejected.accept(new Rejection(name, 0, "not UTF-8 text"));
        }
        return mapper.finish();
    }

    /** Lines of strict UTF-8 (a byte-order mark dropped); closes the stream unless it is stdin. */
    private static List<String> lines(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
        List<String> lines = new ArrayList<>();
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(lines.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
            }
        } finally {
            if (in != System.in) {
                reader.close();
            }
        }
        return lines;
    }

    private static void readLines(String name, List<String> lines, ReadOptions options, Consumer<RawObject> out,
                                  Consumer<Rejection> rejected) {
        try {
            if (JsonLogReader.looksLikeJson(lines)) {
                new JsonLogReader(name, options, out, rejected).read(lines);
            } else {
                new DescribeTextReader(name, options, out, rejected).read(lines);
            }
        } catch (RuntimeException e) {
            // a reader bug must not stop a replay: report it like bad data, with the file
            rejected.accept(new Rejection(name, 0, "could not read: " + e));
        }
    }

    /**
     * Maps objects as they are read, so a large log is held as records, not as JSON trees. Owners can appear after
     * the Pods they own (a ReplicaSet listed after its pods), so each Pod's chain is resolved again at the end.
     */
    private static final class Mapper implements Consumer<RawObject> {
        private final ReadOptions options;
        private final Consumer<Rejection> rejected;
        private final ReplayOwners owners = new ReplayOwners();
        private final List<Recorded> records = new ArrayList<>();

        Mapper(ReadOptions options, Consumer<Rejection> rejected) {
            this.options = options;
            this.rejected = rejected;
        }

        @Override
        public void accept(RawObject object) {
            try {
                if (OWNER_KINDS.contains(kindOf(object.object()))) {
                    owners.learn(object.object());
                }
                Recorded record = map(object, options);
                if (record != null) {
                    records.add(record);
                }
            } catch (MalformedObjectException e) {
                rejected.accept(new Rejection(object.file(), object.line(), e.reason()));
            }
        }

        List<Recorded> finish() {
            for (Recorded record : records) {
                if (record.value() instanceof PodSnapshot pod && !pod.getOwners().isEmpty()) {
                    pod.setOwners(KubeObjects.ownerChain(pod.getNamespace(), pod.getOwners().get(0),
                            pod.getLabels().get("pod-template-hash"), owners));
                }
            }
            records.sort(Comparator.comparing(Recorded::time)); // List.sort is stable: file order, then position
            return records;
        }
    }

    private static Recorded map(RawObject raw, ReadOptions options) {
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
