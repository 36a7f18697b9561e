package dev.incidents.recordings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.incidents.schemas.Condition;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.ContainerState;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.ObjectRef;
import dev.incidents.schemas.OwnerRef;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.Probe;
import dev.incidents.schemas.Taint;
import dev.incidents.schemas.Toleration;
import dev.incidents.schemas.TopicKeys;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.incidents.recordings.JsonFields.firstNonNull;
import static dev.incidents.recordings.KubeObjects.firstNonNullTime;
import static dev.incidents.recordings.KubeObjects.latest;

/**
 * The line of a JSON Lines recording that dominates every recording ({@code {"time", "type", "object"}} with an
 * Event, Pod or Node, as our recorder and {@code kubectl get -w --output-watch-events} write it) read straight from
 * Jackson's token stream into its record, without building a {@code JsonNode} tree first: building the tree and
 * looking fields up in it was most of the time of reading a recording, and {@code ship --from} reads on one core
 * while the broker and the producer want the other (issue #12).
 *
 * <p>The tree path ({@link JsonLogReader} then {@link Recordings#map} and {@link KubeObjects}) stays the definition:
 * this returns a record only where the tree path returns an equal one, and throws {@link NotStreamable} for anything
 * it is not sure of (another shape or kind, an owner object, a field given twice, a float where text is read, a
 * value the tree path would reject, bad JSON), and the caller then reads the line through the tree path, which also
 * words every rejection. Fields the tree path never reads are skipped unparsed. Values the tree path reads as text
 * ({@link JsonFields#text}) are read the same way here: numbers and booleans as their text, {@code ""} and
 * {@code null} as absent, objects and arrays as absent; every timestamp and integer the tree path may parse is
 * parsed here too, so a value it rejects sends the line to it.
 */
final class StreamingMapper {
    /** This line is for the tree path. Thrown often on odd input, so without a stack trace. */
    static final class NotStreamable extends Exception {
        private static final NotStreamable INSTANCE = new NotStreamable();

        private NotStreamable() {
            super("not streamable", null, false, false);
        }
    }

    private static final NotStreamable NOT_STREAMABLE = NotStreamable.INSTANCE;

    private JsonParser p;

    /**
     * Maps one line (UTF-8, not blank, not the file's first line), or throws {@link NotStreamable}; null when the line
     * holds nothing to ship (an Event's deletion).
     */
    Recorded map(byte[] buffer, int start, int length, String cluster, ReadOptions options, String file, long line)
            throws NotStreamable {
        try (JsonParser parser = JsonLogReader.MAPPER.getFactory().createParser(buffer, start, length)) {
            p = parser;
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw NOT_STREAMABLE;
            }
            String type = null;
            Instant lineTime = null;
            KindFields object = null;
            long seen = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                int bit;
                switch (name) {
                    case "time" -> {
                        bit = 0;
                        // text(value, "time"): "" and null are no time; anything but a string goes to the tree path
                        if (p.currentToken() == JsonToken.VALUE_STRING) {
                            String text = p.getText();
                            lineTime = text.isEmpty() ? null : KubeTime.parse(text, "time");
                        } else if (p.currentToken() != JsonToken.VALUE_NULL) {
                            throw NOT_STREAMABLE;
                        }
                    }
                    case "type" -> {
                        bit = 1;
                        if (p.currentToken() != JsonToken.VALUE_STRING || p.getTextLength() == 0) {
                            throw NOT_STREAMABLE;
                        }
                        type = p.getText();
                    }
                    case "object" -> {
                        bit = 2;
                        object = kubeObject();
                    }
                    // a header, a List, a bare object or anything else: the tree path tells them apart
                    default -> throw NOT_STREAMABLE;
                }
                seen = once(seen, bit);
            }
            if (p.nextToken() != null || type == null || object == null || "BOOKMARK".equals(type) || "ERROR".equals(type)) {
                throw NOT_STREAMABLE;
            }
            return object.record("DELETED".equals(type), lineTime, cluster, options, file, line);
        } catch (NotStreamable e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // bad JSON, a value the tree path rejects, a field the schema refuses: the tree path says which
            throw NOT_STREAMABLE;
        }
    }

    /** The watched object: its kind must come first (after {@code apiVersion}), as the API server writes it. */
    private KindFields kubeObject() throws IOException, NotStreamable {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw NOT_STREAMABLE;
        }
        String apiVersion = null;
        long seen = 0;
        while (true) {
            if (p.nextToken() != JsonToken.FIELD_NAME) {
                throw NOT_STREAMABLE;
            }
            String name = p.currentName();
            p.nextToken();
            if ("apiVersion".equals(name) && seen == 0) {
                apiVersion = text();
                seen = 1;
            } else if ("kind".equals(name) && p.currentToken() == JsonToken.VALUE_STRING) {
                KindFields fields = switch (p.getText()) {
                    case "Event" -> new EventFields(apiVersion);
                    case "Pod" -> new PodFields();
                    case "Node" -> new NodeFields();
                    // owners are learned from trees (ReplicaSet, Job, ...), other kinds are rare
                    default -> throw NOT_STREAMABLE;
                };
                fields.read(seen);
                return fields;
            } else {
                throw NOT_STREAMABLE;
            }
        }
    }

    // ------------------------------------------------------------ reading values as JsonFields reads a tree

    @FunctionalInterface
    private interface FieldReader {
        /** Reads the value of field {@code name} (the parser is at it); returns the field's bit, or -1 when skipped. */
        int read(String name) throws IOException, NotStreamable;
    }

    /**
     * The fields of the object the parser is at, each handed to {@code reader}; false (and skipped) when the value
     * is not an object, which the tree path reads as absent. A field read twice sends the line to the tree path
     * (where the last one wins, also over everything read from the first).
     */
    private boolean object(FieldReader reader) throws IOException, NotStreamable {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return false;
        }
        fields(0, reader);
        return true;
    }

    /** The remaining fields of the object the parser is in; {@code seen}: the bits of the fields already read. */
    private void fields(long seen, FieldReader reader) throws IOException, NotStreamable {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            int bit = reader.read(name);
            if (bit >= 0) {
                seen = once(seen, bit);
            }
        }
    }

    /** {@code apiVersion} or {@code kind} again, or {@code apiVersion} after {@code kind}: the tree path decides. */
    private static int readBeforeKind() throws NotStreamable {
        throw NOT_STREAMABLE;
    }

    private static long once(long seen, int bit) throws NotStreamable {
        long mask = 1L << bit;
        if ((seen & mask) != 0) {
            throw NOT_STREAMABLE;
        }
        return seen | mask;
    }

    private int skip() throws IOException {
        p.skipChildren();
        return -1;
    }

    @FunctionalInterface
    private interface ElementReader<T> {
        T read() throws IOException, NotStreamable;
    }

    /** {@link JsonFields#objects}: the object elements of an array; nothing when the value is not an array. */
    private <T> List<T> objects(ElementReader<T> element) throws IOException, NotStreamable {
        List<T> list = new ArrayList<>();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return list;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.START_OBJECT) {
                list.add(element.read());
            } else {
                p.skipChildren();
            }
        }
        return list;
    }

    /** {@link JsonFields#text}. */
    private String text() throws IOException, NotStreamable {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            String text = p.getText();
            return text.isEmpty() ? null : text;
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        return scalarText();
    }

    /** {@code JsonNode.asText()} of a scalar that is not null; a float goes to the tree path (its text is Jackson's). */
    private String scalarText() throws IOException, NotStreamable {
        return switch (p.currentToken()) {
            case VALUE_STRING -> p.getText();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> Integer.toString(p.getIntValue());
                case LONG -> Long.toString(p.getLongValue());
                default -> p.getBigIntegerValue().toString();
            };
            default -> throw NOT_STREAMABLE;
        };
    }

    /** {@link JsonFields#integer}: integral numbers as {@code asInt()} (wrapping), text parsed, anything else absent. */
    private Integer integer() throws IOException, NotStreamable {
        switch (p.currentToken()) {
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> p.getIntValue();
                    case LONG -> (int) p.getLongValue();
                    default -> p.getBigIntegerValue().intValue();
                };
            }
            case VALUE_STRING -> {
                try {
                    return Integer.parseInt(p.getText().trim());
                } catch (NumberFormatException e) {
                    throw NOT_STREAMABLE;
                }
            }
            default -> {
                p.skipChildren();
                return null;
            }
        }
    }

    /** {@link JsonFields#longValue}: numbers only. */
    private Long longValue() throws IOException, NotStreamable {
        switch (p.currentToken()) {
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue().longValue()
                        : p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> throw NOT_STREAMABLE;
            default -> {
                p.skipChildren();
                return null;
            }
        }
    }

    /** {@link JsonFields#bool}: a boolean, or text that is "true" in any case. */
    private boolean bool() throws IOException, NotStreamable {
        return switch (p.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_STRING -> "true".equalsIgnoreCase(p.getText());
            case START_OBJECT, START_ARRAY -> {
                p.skipChildren();
                yield false;
            }
            default -> false;
        };
    }

    /** {@link JsonFields#optionalBool}: null when absent or null. */
    private Boolean optionalBool() throws IOException, NotStreamable {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : bool();
    }

    /** {@link JsonFields#time}; a bad timestamp goes to the tree path, which rejects the line with its reason. */
    private Instant time() throws IOException, NotStreamable {
        String text = text();
        return text == null ? null : KubeTime.parse(text, "");
    }

    /** {@link JsonFields#stringMap}; a later null or container under the same key removes it, as in a tree. */
    private Map<String, String> stringMap() throws IOException, NotStreamable {
        Map<String, String> map = new TreeMap<>();
        object(name -> {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NULL || token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                p.skipChildren();
                map.remove(name);
            } else {
                map.put(name, scalarText());
            }
            return -1;
        });
        return map;
    }

    /** {@link JsonFields#strings}. */
    private List<String> strings() throws IOException, NotStreamable {
        List<String> list = new ArrayList<>();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return list;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonToken token = p.currentToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (token != JsonToken.VALUE_NULL) {
                list.add(scalarText());
            }
        }
        return list;
    }

    // ------------------------------------------------------------ objects

    /** What one kind reads of its object, and the record it makes. */
    private abstract static class KindFields {
        /** Reads the rest of the object, after its {@code kind}; {@code seen}: bit 0 when {@code apiVersion} was read. */
        abstract void read(long seen) throws IOException, NotStreamable;

        abstract Recorded record(boolean deleted, Instant lineTime, String cluster, ReadOptions options, String file,
                                 long line) throws NotStreamable;
    }

    /** {@code metadata} as the three kinds read it. */
    private static final class Metadata {
        String name;
        String namespace;
        String uid;
        Instant creationTimestamp;
        Instant deletionTimestamp;
        Map<String, String> labels = new TreeMap<>();
        /** {@code text(labels, "pod-template-hash")}: "" is absent, unlike in the labels map. */
        String podTemplateHash;
        List<OwnerFields> owners = List.of();
        /** {@code metadata.has("ownerReferences")}: with the uid, {@link KubeObjects#ownersKnown}. */
        boolean ownerReferences;
        /** {@code text(metadata, "annotations", KubeObjects.GROUP_NAME_ANNOTATION)}. */
        String groupName;
    }

    private Metadata metadata() throws IOException, NotStreamable {
        Metadata m = new Metadata();
        object(name -> switch (name) {
            case "name" -> {
                m.name = text();
                yield 0;
            }
            case "namespace" -> {
                m.namespace = text();
                yield 1;
            }
            case "uid" -> {
                m.uid = text();
                yield 2;
            }
            case "creationTimestamp" -> {
                m.creationTimestamp = time();
                yield 3;
            }
            case "deletionTimestamp" -> {
                m.deletionTimestamp = time();
                yield 4;
            }
            case "labels" -> {
                m.labels = stringMap();
                String hash = m.labels.get("pod-template-hash");
                m.podTemplateHash = hash == null || hash.isEmpty() ? null : hash;
                yield 5;
            }
            case "ownerReferences" -> {
                m.owners = objects(this::owner);
                m.ownerReferences = true;
                yield 6;
            }
            case "annotations" -> {
                m.groupName = groupNameAnnotation();
                yield 7;
            }
            default -> skip();
        });
        return m;
    }

    /** The one annotation a pod snapshot keeps; the others are skipped unread (a last-applied copy can be most of an object). */
    private String groupNameAnnotation() throws IOException, NotStreamable {
        String[] value = {null};
        object(name -> {
            if (KubeObjects.GROUP_NAME_ANNOTATION.equals(name)) {
                value[0] = text(); // repeated: the last one, as the tree path reads it
            } else {
                p.skipChildren();
            }
            return -1;
        });
        return value[0];
    }

    private record OwnerFields(String kind, String name, String uid, boolean controller) {
    }

    private OwnerFields owner() throws IOException, NotStreamable {
        String[] texts = new String[3];
        boolean[] controller = {false};
        object(name -> switch (name) {
            case "kind" -> {
                texts[0] = text();
                yield 0;
            }
            case "name" -> {
                texts[1] = text();
                yield 1;
            }
            case "uid" -> {
                texts[2] = text();
                yield 2;
            }
            case "controller" -> {
                controller[0] = bool();
                yield 3;
            }
            default -> skip();
        });
        return new OwnerFields(texts[0], texts[1], texts[2], controller[0]);
    }

    /** An {@code involvedObject}, {@code regarding} or {@code related} reference. */
    private static final class RefFields {
        String apiVersion;
        String kind;
        String namespace;
        String name;
        String uid;
        String fieldPath;

        ObjectRef toRef(String field) {
            if (kind == null || name == null) {
                throw new MalformedObjectException(field + " without kind or name");
            }
            return ObjectRef.newBuilder().setApiVersion(apiVersion).setKind(kind).setNamespace(namespace).setName(name)
                    .setUid(uid).setFieldPath(fieldPath).build();
        }
    }

    /** The reference, or null when the value is not an object. */
    private RefFields ref() throws IOException, NotStreamable {
        RefFields r = new RefFields();
        boolean isObject = object(name -> switch (name) {
            case "apiVersion" -> {
                r.apiVersion = text();
                yield 0;
            }
            case "kind" -> {
                r.kind = text();
                yield 1;
            }
            case "namespace" -> {
                r.namespace = text();
                yield 2;
            }
            case "name" -> {
                r.name = text();
                yield 3;
            }
            case "uid" -> {
                r.uid = text();
                yield 4;
            }
            case "fieldPath" -> {
                r.fieldPath = text();
                yield 5;
            }
            default -> skip();
        });
        return isObject ? r : null;
    }

    /** The text of field {@code field} of an object ({@code source.component}); null when not an object. */
    private String[] texts(String... fields) throws IOException, NotStreamable {
        String[] values = new String[fields.length];
        object(name -> {
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].equals(name)) {
                    values[i] = text();
                    return i;
                }
            }
            return skip();
        });
        return values;
    }

    // ------------------------------------------------------------ Event

    /** What {@link KubeObjects#event} reads. */
    private final class EventFields extends KindFields {
        final String apiVersion;
        Metadata metadata = new Metadata();
        RefFields involvedObject;
        RefFields regarding;
        boolean regardingPresent;
        RefFields related;
        Integer count;
        Integer deprecatedCount;
        Integer seriesCount;
        Instant seriesLastObservedTime;
        String reason;
        String message;
        String note;
        boolean notePresent;
        String type;
        String action;
        String reportingComponent;
        String reportingController;
        String[] source = new String[2];
        String[] deprecatedSource = new String[2];
        String reportingInstance;
        Instant firstTimestamp;
        Instant deprecatedFirstTimestamp;
        Instant lastTimestamp;
        Instant deprecatedLastTimestamp;
        Instant eventTime;

        EventFields(String apiVersion) {
            this.apiVersion = apiVersion;
        }

        @Override
        void read(long seen) throws IOException, NotStreamable {
            fields(seen | 2, name -> switch (name) {
                case "apiVersion", "kind" -> readBeforeKind();
                case "metadata" -> {
                    metadata = metadata();
                    yield 2;
                }
                case "involvedObject" -> {
                    involvedObject = ref();
                    yield 3;
                }
                case "regarding" -> {
                    regardingPresent = p.currentToken() != JsonToken.VALUE_NULL;
                    regarding = ref();
                    yield 4;
                }
                case "related" -> {
                    related = ref();
                    yield 5;
                }
                case "count" -> {
                    count = integer();
                    yield 6;
                }
                case "deprecatedCount" -> {
                    deprecatedCount = integer();
                    yield 7;
                }
                case "series" -> {
                    object(field -> switch (field) {
                        case "count" -> {
                            seriesCount = integer();
                            yield 0;
                        }
                        case "lastObservedTime" -> {
                            seriesLastObservedTime = time();
                            yield 1;
                        }
                        default -> skip();
                    });
                    yield 8;
                }
                case "reason" -> {
                    reason = text();
                    yield 9;
                }
                case "message" -> {
                    message = text();
                    yield 10;
                }
                case "note" -> {
                    notePresent = p.currentToken() != JsonToken.VALUE_NULL;
                    note = text();
                    yield 11;
                }
                case "type" -> {
                    type = text();
                    yield 12;
                }
                case "action" -> {
                    action = text();
                    yield 13;
                }
                case "reportingComponent" -> {
                    reportingComponent = text();
                    yield 14;
                }
                case "reportingController" -> {
                    reportingController = text();
                    yield 15;
                }
                case "source" -> {
                    source = texts("component", "host");
                    yield 16;
                }
                case "deprecatedSource" -> {
                    deprecatedSource = texts("component", "host");
                    yield 17;
                }
                case "reportingInstance" -> {
                    reportingInstance = text();
                    yield 18;
                }
                case "firstTimestamp" -> {
                    firstTimestamp = time();
                    yield 19;
                }
                case "deprecatedFirstTimestamp" -> {
                    deprecatedFirstTimestamp = time();
                    yield 20;
                }
                case "lastTimestamp" -> {
                    lastTimestamp = time();
                    yield 21;
                }
                case "deprecatedLastTimestamp" -> {
                    deprecatedLastTimestamp = time();
                    yield 22;
                }
                case "eventTime" -> {
                    eventTime = time();
                    yield 23;
                }
                default -> skip();
            });
        }

        @Override
        Recorded record(boolean deleted, Instant lineTime, String cluster, ReadOptions options, String file, long line) {
            if (deleted) {
                return null; // an Event expiring is not a signal
            }
            boolean eventsApi = apiVersion != null ? apiVersion.startsWith("events.k8s.io/") : regardingPresent || notePresent;
            RefFields involved = involvedObject != null ? involvedObject : regarding;
            if (involved == null) {
                throw new MalformedObjectException("event without involvedObject/regarding");
            }
            ObjectRef involvedRef = involved.toRef("involvedObject");
            int eventCount = KubeObjects.maxOr(1, count, deprecatedCount, seriesCount);
            KubeEvent event = KubeEvent.newBuilder()
                    .setCluster(cluster)
                    .setUid(metadata.uid)
                    .setNamespace(firstNonNull(metadata.namespace, involvedRef.getNamespace()))
                    .setName(metadata.name)
                    .setApiVersion(eventsApi ? "events.k8s.io/v1" : "v1")
                    .setInvolvedObject(involvedRef)
                    .setRelated(related != null && related.kind != null && related.name != null ? related.toRef("related") : null)
                    .setReason(reason)
                    .setMessage(firstNonNull(message, note))
                    .setType(type)
                    .setAction(action)
                    .setReportingComponent(firstNonNull(reportingComponent, reportingController, source[0], deprecatedSource[0]))
                    .setReportingInstance(firstNonNull(reportingInstance, source[1], deprecatedSource[1]))
                    .setCount(Math.max(eventCount, 1))
                    .setFirstTimestamp(firstNonNullTime(firstTimestamp, deprecatedFirstTimestamp))
                    .setLastTimestamp(latest(lastTimestamp, deprecatedLastTimestamp, seriesLastObservedTime))
                    .setEventTime(eventTime)
                    .build();
            Instant time = firstNonNullTime(KubeObjects.eventTime(event), lineTime, options.now());
            return new Recorded(time, Recorded.Kind.EVENT, TopicKeys.event(event), event, file, line);
        }
    }

    // ------------------------------------------------------------ Pod

    /** A condition of a Pod or a Node. */
    private static final class ConditionFields {
        String type;
        String status;
        String reason;
        String message;
        Instant lastTransitionTime;
    }

    private List<ConditionFields> conditions() throws IOException, NotStreamable {
        return objects(() -> {
            ConditionFields c = new ConditionFields();
            object(name -> switch (name) {
                case "type" -> {
                    c.type = text();
                    yield 0;
                }
                case "status" -> {
                    c.status = text();
                    yield 1;
                }
                case "reason" -> {
                    c.reason = text();
                    yield 2;
                }
                case "message" -> {
                    c.message = text();
                    yield 3;
                }
                case "lastTransitionTime" -> {
                    c.lastTransitionTime = time();
                    yield 4;
                }
                default -> skip();
            });
            return c;
        });
    }

    private static List<Condition> toConditions(List<ConditionFields> fields) {
        List<Condition> conditions = new ArrayList<>();
        for (ConditionFields c : fields) {
            if (c.type != null) {
                conditions.add(KubeObjects.condition(c.type, c.status, c.reason, c.message, c.lastTransitionTime));
            }
        }
        return conditions;
    }

    /** A probe's handler and settings, as {@link KubeObjects#probeHandler} and {@code probes} read them. */
    private static final class ProbeFields {
        boolean httpGet;
        String httpScheme;
        String httpPort;
        String httpPath;
        boolean tcpSocket;
        String tcpPort;
        boolean grpc;
        String grpcPort;
        boolean exec;
        List<String> command = List.of();
        Integer[] settings = new Integer[5];

        String handler() {
            if (httpGet) {
                return KubeObjects.httpGetHandler(httpScheme, httpPort, httpPath);
            }
            if (tcpSocket) {
                return KubeObjects.portHandler("tcpSocket", tcpPort);
            }
            if (grpc) {
                return KubeObjects.portHandler("grpc", grpcPort);
            }
            return exec ? KubeObjects.execHandler(command) : null;
        }
    }

    private static final List<String> PROBE_SETTINGS = List.of("initialDelaySeconds", "periodSeconds", "timeoutSeconds",
            "failureThreshold", "successThreshold");

    /** The probe, or null when the value is not an object. */
    private ProbeFields probe() throws IOException, NotStreamable {
        ProbeFields probe = new ProbeFields();
        boolean isObject = object(name -> {
            switch (name) {
                case "httpGet" -> {
                    probe.httpGet = p.currentToken() != JsonToken.VALUE_NULL;
                    String[] http = texts("scheme", "port", "path");
                    probe.httpScheme = http[0];
                    probe.httpPort = http[1];
                    probe.httpPath = http[2];
                    return 0;
                }
                case "tcpSocket" -> {
                    probe.tcpSocket = p.currentToken() != JsonToken.VALUE_NULL;
                    probe.tcpPort = texts("port")[0];
                    return 1;
                }
                case "grpc" -> {
                    probe.grpc = p.currentToken() != JsonToken.VALUE_NULL;
                    probe.grpcPort = texts("port")[0];
                    return 2;
                }
                case "exec" -> {
                    probe.exec = p.currentToken() != JsonToken.VALUE_NULL;
                    object(field -> {
                        if ("command".equals(field)) {
                            probe.command = strings();
                            return 0;
                        }
                        return skip();
                    });
                    return 3;
                }
                default -> {
                    int setting = PROBE_SETTINGS.indexOf(name);
                    if (setting < 0) {
                        return skip();
                    }
                    probe.settings[setting] = integer();
                    return 4 + setting;
                }
            }
        });
        return isObject ? probe : null;
    }

    private static final List<String> PROBE_KINDS = List.of("liveness", "readiness", "startup");

    /** A container's spec: what {@code container} and {@code probes} read. */
    private static final class ContainerSpecFields {
        String name;
        String image;
        Map<String, String> requests = new TreeMap<>();
        Map<String, String> limits = new TreeMap<>();
        ProbeFields[] probes = new ProbeFields[3];
    }

    private ContainerSpecFields containerSpec() throws IOException, NotStreamable {
        ContainerSpecFields c = new ContainerSpecFields();
        object(name -> switch (name) {
            case "name" -> {
                c.name = text();
                yield 0;
            }
            case "image" -> {
                c.image = text();
                yield 1;
            }
            case "resources" -> {
                object(field -> switch (field) {
                    case "requests" -> {
                        c.requests = stringMap();
                        yield 0;
                    }
                    case "limits" -> {
                        c.limits = stringMap();
                        yield 1;
                    }
                    default -> skip();
                });
                yield 2;
            }
            case "livenessProbe" -> {
                c.probes[0] = probe();
                yield 3;
            }
            case "readinessProbe" -> {
                c.probes[1] = probe();
                yield 4;
            }
            case "startupProbe" -> {
                c.probes[2] = probe();
                yield 5;
            }
            default -> skip();
        });
        return c;
    }

    /** One state of a container ({@code terminated}, {@code waiting}, {@code running}). */
    private static final class StateDetail {
        String reason;
        String message;
        Integer exitCode;
        Integer signal;
        Instant startedAt;
        Instant finishedAt;
    }

    private static final List<String> STATE_KINDS = List.of("terminated", "waiting", "running");

    /** A container's {@code state} or {@code lastState}: its details by kind; null when not an object. */
    private StateDetail[] state() throws IOException, NotStreamable {
        StateDetail[] details = new StateDetail[3];
        boolean isObject = object(name -> {
            int kind = STATE_KINDS.indexOf(name);
            if (kind < 0) {
                return skip();
            }
            StateDetail d = new StateDetail();
            // every time and integer of every state is parsed: podTime and containerState read some of them each
            boolean detailObject = object(field -> switch (field) {
                case "reason" -> {
                    d.reason = text();
                    yield 0;
                }
                case "message" -> {
                    d.message = text();
                    yield 1;
                }
                case "exitCode" -> {
                    d.exitCode = integer();
                    yield 2;
                }
                case "signal" -> {
                    d.signal = integer();
                    yield 3;
                }
                case "startedAt" -> {
                    d.startedAt = time();
                    yield 4;
                }
                case "finishedAt" -> {
                    d.finishedAt = time();
                    yield 5;
                }
                default -> skip();
            });
            details[kind] = detailObject ? d : null;
            return kind;
        });
        return isObject ? details : null;
    }

    private static ContainerState toState(StateDetail[] details) {
        if (details == null) {
            return null;
        }
        for (int kind = 0; kind < STATE_KINDS.size(); kind++) {
            StateDetail d = details[kind];
            if (d != null) {
                return KubeObjects.containerState(STATE_KINDS.get(kind), d.reason, d.message, d.exitCode, d.signal,
                        d.startedAt, d.finishedAt);
            }
        }
        return null;
    }

    /** A container's status: what {@code container} and {@code podTime} read. */
    private static final class ContainerStatusFields {
        String name;
        String image;
        boolean ready;
        Boolean started;
        Integer restartCount;
        StateDetail[] state;
        StateDetail[] lastState;
    }

    private ContainerStatusFields containerStatus() throws IOException, NotStreamable {
        ContainerStatusFields s = new ContainerStatusFields();
        object(name -> switch (name) {
            case "name" -> {
                s.name = text();
                yield 0;
            }
            case "image" -> {
                s.image = text();
                yield 1;
            }
            case "ready" -> {
                s.ready = bool();
                yield 2;
            }
            case "started" -> {
                s.started = optionalBool();
                yield 3;
            }
            case "restartCount" -> {
                s.restartCount = integer();
                yield 4;
            }
            case "state" -> {
                s.state = state();
                yield 5;
            }
            case "lastState" -> {
                s.lastState = state();
                yield 6;
            }
            default -> skip();
        });
        return s;
    }

    /** {@code KubeObjects.containers}: specs in order with their statuses, then statuses without a spec. */
    private static List<Container> toContainers(List<ContainerSpecFields> specs, List<ContainerStatusFields> statuses) {
        Map<String, ContainerStatusFields> statusByName = new LinkedHashMap<>();
        for (ContainerStatusFields status : statuses) {
            if (status.name != null) {
                statusByName.put(status.name, status);
            }
        }
        List<Container> containers = new ArrayList<>();
        for (ContainerSpecFields spec : specs) {
            if (spec.name == null) {
                throw new MalformedObjectException("container without name");
            }
            containers.add(toContainer(spec.name, spec, statusByName.remove(spec.name)));
        }
        statusByName.forEach((name, status) -> containers.add(toContainer(name, null, status)));
        return containers;
    }

    private static Container toContainer(String name, ContainerSpecFields spec, ContainerStatusFields status) {
        List<Probe> probes = new ArrayList<>();
        if (spec != null) {
            for (int kind = 0; kind < PROBE_KINDS.size(); kind++) {
                ProbeFields probe = spec.probes[kind];
                if (probe != null) {
                    probes.add(KubeObjects.probe(PROBE_KINDS.get(kind), probe.handler(), probe.settings[0],
                            probe.settings[1], probe.settings[2], probe.settings[3], probe.settings[4]));
                }
            }
        }
        Integer restarts = status == null ? null : status.restartCount;
        return Container.newBuilder()
                .setName(name)
                .setImage(firstNonNull(spec == null ? null : spec.image, status == null ? null : status.image))
                .setRequests(spec == null ? new TreeMap<>() : spec.requests)
                .setLimits(spec == null ? new TreeMap<>() : spec.limits)
                .setProbes(probes)
                .setReady(status != null && status.ready)
                .setStarted(status == null ? null : status.started)
                .setRestartCount(restarts == null ? 0 : restarts)
                .setState(toState(status == null ? null : status.state))
                .setLastState(toState(status == null ? null : status.lastState))
                .build();
    }

    /** One volume: what {@code pvcNames} reads. */
    private record VolumeFields(String name, String claimName, boolean claimTemplate) {
    }

    private VolumeFields volume() throws IOException, NotStreamable {
        String[] name = new String[1];
        String[] claim = new String[1];
        boolean[] template = {false};
        object(field -> switch (field) {
            case "name" -> {
                name[0] = text();
                yield 0;
            }
            case "persistentVolumeClaim" -> {
                claim[0] = texts("claimName")[0];
                yield 1;
            }
            case "ephemeral" -> {
                object(f -> {
                    if ("volumeClaimTemplate".equals(f)) {
                        template[0] = p.currentToken() != JsonToken.VALUE_NULL;
                        p.skipChildren();
                        return 0;
                    }
                    return skip();
                });
                yield 2;
            }
            default -> skip();
        });
        return new VolumeFields(name[0], claim[0], template[0]);
    }

    /** {@code requiredNodeAffinity}: each term's matchExpressions, then its matchFields, rendered. */
    private List<String> affinityTerms() throws IOException, NotStreamable {
        List<String> terms = new ArrayList<>();
        object(a -> {
            if (!"nodeAffinity".equals(a)) {
                return skip();
            }
            object(n -> {
                if (!"requiredDuringSchedulingIgnoredDuringExecution".equals(n)) {
                    return skip();
                }
                object(r -> {
                    if (!"nodeSelectorTerms".equals(r)) {
                        return skip();
                    }
                    for (List<String> term : objects(this::selectorTerm)) {
                        if (!term.isEmpty()) {
                            terms.add(String.join(", ", term));
                        }
                    }
                    return 0;
                });
                return 0;
            });
            return 0;
        });
        return terms;
    }

    private List<String> selectorTerm() throws IOException, NotStreamable {
        List<List<String>> byField = new ArrayList<>(List.of(List.of(), List.of()));
        object(name -> {
            int field = "matchExpressions".equals(name) ? 0 : "matchFields".equals(name) ? 1 : -1;
            if (field < 0) {
                return skip();
            }
            byField.set(field, objects(() -> {
                String[] keyOperator = new String[2];
                List<List<String>> values = new ArrayList<>(List.of(List.of()));
                object(e -> switch (e) {
                    case "key" -> {
                        keyOperator[0] = text();
                        yield 0;
                    }
                    case "operator" -> {
                        keyOperator[1] = text();
                        yield 1;
                    }
                    case "values" -> {
                        values.set(0, strings());
                        yield 2;
                    }
                    default -> skip();
                });
                return KubeObjects.selectorExpression(keyOperator[0], keyOperator[1], values.get(0));
            }));
            return field;
        });
        List<String> expressions = new ArrayList<>(byField.get(0));
        expressions.addAll(byField.get(1));
        return expressions;
    }

    private Toleration toleration() throws IOException, NotStreamable {
        String[] texts = new String[4];
        Long[] seconds = new Long[1];
        object(name -> switch (name) {
            case "key" -> {
                texts[0] = text();
                yield 0;
            }
            case "operator" -> {
                texts[1] = text();
                yield 1;
            }
            case "value" -> {
                texts[2] = text();
                yield 2;
            }
            case "effect" -> {
                texts[3] = text();
                yield 3;
            }
            case "tolerationSeconds" -> {
                seconds[0] = longValue();
                yield 4;
            }
            default -> skip();
        });
        return Toleration.newBuilder().setKey(texts[0]).setOperator(texts[1]).setValue(texts[2]).setEffect(texts[3])
                .setTolerationSeconds(seconds[0]).build();
    }

    /** What {@link KubeObjects#pod} and {@link KubeObjects#podTime} read. */
    private final class PodFields extends KindFields {
        Metadata metadata = new Metadata();
        // spec
        String nodeName;
        List<ContainerSpecFields> initContainers = List.of();
        List<ContainerSpecFields> containers = List.of();
        Map<String, String> nodeSelector = new TreeMap<>();
        List<String> affinityTerms = List.of();
        List<Toleration> tolerations = List.of();
        List<VolumeFields> volumes = List.of();
        String serviceAccountName;
        String serviceAccount;
        String runtimeClassName;
        String priorityClassName;
        String schedulerName;
        // status
        String phase;
        String reason;
        String message;
        List<ConditionFields> conditions = List.of();
        List<ContainerStatusFields> initContainerStatuses = List.of();
        List<ContainerStatusFields> containerStatuses = List.of();
        String qosClass;
        Instant startTime;

        @Override
        void read(long seen) throws IOException, NotStreamable {
            fields(seen | 2, name -> switch (name) {
                case "apiVersion", "kind" -> readBeforeKind();
                case "metadata" -> {
                    metadata = metadata();
                    yield 2;
                }
                case "spec" -> {
                    spec();
                    yield 3;
                }
                case "status" -> {
                    status();
                    yield 4;
                }
                default -> skip();
            });
        }

        private void spec() throws IOException, NotStreamable {
            object(name -> switch (name) {
                case "nodeName" -> {
                    nodeName = text();
                    yield 0;
                }
                case "initContainers" -> {
                    initContainers = objects(StreamingMapper.this::containerSpec);
                    yield 1;
                }
                case "containers" -> {
                    containers = objects(StreamingMapper.this::containerSpec);
                    yield 2;
                }
                case "nodeSelector" -> {
                    nodeSelector = stringMap();
                    yield 3;
                }
                case "affinity" -> {
                    affinityTerms = affinityTerms();
                    yield 4;
                }
                case "tolerations" -> {
                    tolerations = objects(StreamingMapper.this::toleration);
                    yield 5;
                }
                case "volumes" -> {
                    volumes = objects(StreamingMapper.this::volume);
                    yield 6;
                }
                case "serviceAccountName" -> {
                    serviceAccountName = text();
                    yield 7;
                }
                case "serviceAccount" -> {
                    serviceAccount = text();
                    yield 8;
                }
                case "runtimeClassName" -> {
                    runtimeClassName = text();
                    yield 9;
                }
                case "priorityClassName" -> {
                    priorityClassName = text();
                    yield 10;
                }
                case "schedulerName" -> {
                    schedulerName = text();
                    yield 11;
                }
                default -> skip();
            });
        }

        private void status() throws IOException, NotStreamable {
            object(name -> switch (name) {
                case "phase" -> {
                    phase = text();
                    yield 0;
                }
                case "reason" -> {
                    reason = text();
                    yield 1;
                }
                case "message" -> {
                    message = text();
                    yield 2;
                }
                case "conditions" -> {
                    conditions = conditions();
                    yield 3;
                }
                case "initContainerStatuses" -> {
                    initContainerStatuses = objects(StreamingMapper.this::containerStatus);
                    yield 4;
                }
                case "containerStatuses" -> {
                    containerStatuses = objects(StreamingMapper.this::containerStatus);
                    yield 5;
                }
                case "qosClass" -> {
                    qosClass = text();
                    yield 6;
                }
                case "startTime" -> {
                    startTime = time();
                    yield 7;
                }
                default -> skip();
            });
        }

        /** {@link KubeObjects#podTime}. */
        private Instant podTime() {
            Instant latest = latest(metadata.creationTimestamp, metadata.deletionTimestamp, startTime);
            for (ConditionFields condition : conditions) {
                latest = latest(latest, condition.lastTransitionTime);
            }
            for (List<ContainerStatusFields> statuses : List.of(initContainerStatuses, containerStatuses)) {
                for (ContainerStatusFields cs : statuses) {
                    for (StateDetail[] state : List.of(orNone(cs.state), orNone(cs.lastState))) {
                        // running, then terminated, as podTime reads them
                        for (StateDetail detail : new StateDetail[] {state[2], state[0]}) {
                            if (detail != null) {
                                latest = latest(latest, detail.startedAt);
                                latest = latest(latest, detail.finishedAt);
                            }
                        }
                    }
                }
            }
            return latest;
        }

        private static StateDetail[] orNone(StateDetail[] state) {
            return state == null ? new StateDetail[3] : state;
        }

        @Override
        Recorded record(boolean deleted, Instant lineTime, String cluster, ReadOptions options, String file, long line) {
            String name = metadata.name;
            if (name == null) {
                throw new MalformedObjectException("Pod without metadata.name");
            }
            String namespace = firstNonNull(metadata.namespace, "default");
            if (deleted) {
                Instant time = firstNonNullTime(lineTime, metadata.deletionTimestamp, podTime(), options.now());
                return new Recorded(time, Recorded.Kind.POD, TopicKeys.pod(cluster, namespace, name), null, file, line);
            }
            Instant time = firstNonNullTime(lineTime, podTime(), options.now());
            List<String> pvcNames = new ArrayList<>();
            for (VolumeFields volume : volumes) {
                if (volume.claimName() != null) {
                    pvcNames.add(volume.claimName());
                } else if (volume.claimTemplate() && volume.name() != null) {
                    pvcNames.add(name + "-" + volume.name());
                }
            }
            PodSnapshot pod = PodSnapshot.newBuilder()
                    .setCluster(cluster)
                    .setNamespace(namespace)
                    .setName(name)
                    .setUid(metadata.uid)
                    .setObservedAt(time)
                    .setCreationTimestamp(metadata.creationTimestamp)
                    .setDeletionTimestamp(metadata.deletionTimestamp)
                    .setLabels(metadata.labels)
                    .setOwners(ownerChain(namespace))
                    .setOwnersKnown(metadata.ownerReferences || metadata.uid != null)
                    .setPhase(phase)
                    .setReason(reason)
                    .setMessage(message)
                    .setNodeName(nodeName)
                    .setConditions(toConditions(conditions))
                    .setInitContainers(toContainers(initContainers, initContainerStatuses))
                    .setContainers(toContainers(containers, containerStatuses))
                    .setNodeSelector(nodeSelector)
                    .setAffinity(affinityTerms.isEmpty() ? null : String.join(" OR ", affinityTerms))
                    .setTolerations(tolerations)
                    .setPvcNames(pvcNames)
                    .setServiceAccountName(firstNonNull(serviceAccountName, serviceAccount))
                    .setRuntimeClassName(runtimeClassName)
                    .setPriorityClassName(priorityClassName)
                    .setSchedulerName(schedulerName)
                    .setQosClass(qosClass)
                    .setGroupName(metadata.groupName)
                    .build();
            return new Recorded(time, Recorded.Kind.POD, TopicKeys.pod(pod), pod, file, line);
        }

        /** {@code KubeObjects.ownerChain(pod, ...)}: the controller reference, else the first. */
        private List<OwnerRef> ownerChain(String namespace) {
            List<OwnerFields> refs = metadata.owners;
            OwnerFields nearest = refs.stream().filter(OwnerFields::controller).findFirst()
                    .orElse(refs.isEmpty() ? null : refs.get(0));
            if (nearest == null || nearest.kind() == null || nearest.name() == null) {
                return new ArrayList<>();
            }
            OwnerRef first = OwnerRef.newBuilder().setKind(nearest.kind()).setName(nearest.name()).setUid(nearest.uid())
                    .setController(nearest.controller()).build();
            return KubeObjects.ownerChain(namespace, first, metadata.podTemplateHash, OwnerLookup.NONE);
        }
    }

    // ------------------------------------------------------------ Node

    private record TaintFields(String key, String value, String effect) {
    }

    private TaintFields taint() throws IOException, NotStreamable {
        String[] t = texts("key", "value", "effect");
        return new TaintFields(t[0], t[1], t[2]);
    }

    /** What {@link KubeObjects#node} and {@link KubeObjects#nodeTime} read. */
    private final class NodeFields extends KindFields {
        Metadata metadata = new Metadata();
        List<TaintFields> taints = List.of();
        boolean unschedulable;
        Map<String, String> capacity = new TreeMap<>();
        Map<String, String> allocatable = new TreeMap<>();
        List<ConditionFields> conditions = List.of();
        String[] nodeInfo = new String[2];

        @Override
        void read(long seen) throws IOException, NotStreamable {
            fields(seen | 2, name -> switch (name) {
                case "apiVersion", "kind" -> readBeforeKind();
                case "metadata" -> {
                    metadata = metadata();
                    yield 2;
                }
                case "spec" -> {
                    object(field -> switch (field) {
                        case "taints" -> {
                            taints = objects(StreamingMapper.this::taint);
                            yield 0;
                        }
                        case "unschedulable" -> {
                            unschedulable = bool();
                            yield 1;
                        }
                        default -> skip();
                    });
                    yield 3;
                }
                case "status" -> {
                    object(field -> switch (field) {
                        case "capacity" -> {
                            capacity = stringMap();
                            yield 0;
                        }
                        case "allocatable" -> {
                            allocatable = stringMap();
                            yield 1;
                        }
                        case "conditions" -> {
                            conditions = conditions();
                            yield 2;
                        }
                        case "nodeInfo" -> {
                            nodeInfo = texts("kubeletVersion", "containerRuntimeVersion");
                            yield 3;
                        }
                        default -> skip();
                    });
                    yield 4;
                }
                default -> skip();
            });
        }

        /** {@link KubeObjects#nodeTime}. */
        private Instant nodeTime() {
            Instant latest = metadata.creationTimestamp;
            for (ConditionFields condition : conditions) {
                latest = latest(latest, condition.lastTransitionTime);
            }
            return latest;
        }

        @Override
        Recorded record(boolean deleted, Instant lineTime, String cluster, ReadOptions options, String file, long line) {
            String name = metadata.name;
            if (name == null) {
                throw new MalformedObjectException("Node without metadata.name");
            }
            Instant time = firstNonNullTime(lineTime, nodeTime(), options.now());
            if (deleted) {
                return new Recorded(time, Recorded.Kind.NODE, TopicKeys.node(cluster, name), null, file, line);
            }
            List<Taint> nodeTaints = new ArrayList<>();
            for (TaintFields t : taints) {
                if (t.key() == null || t.effect() == null) {
                    throw new MalformedObjectException("node " + name + " has a taint without key or effect");
                }
                nodeTaints.add(Taint.newBuilder().setKey(t.key()).setValue(t.value()).setEffect(t.effect()).build());
            }
            NodeSnapshot node = NodeSnapshot.newBuilder()
                    .setCluster(cluster)
                    .setName(name)
                    .setUid(metadata.uid)
                    .setObservedAt(time)
                    .setLabels(metadata.labels)
                    .setTaints(nodeTaints)
                    .setCapacity(capacity)
                    .setAllocatable(allocatable)
                    .setConditions(toConditions(conditions))
                    .setUnschedulable(unschedulable)
                    .setKubeletVersion(nodeInfo[0])
                    .setContainerRuntimeVersion(nodeInfo[1])
                    .build();
            return new Recorded(time, Recorded.Kind.NODE, TopicKeys.node(node), node, file, line);
        }
    }
}
