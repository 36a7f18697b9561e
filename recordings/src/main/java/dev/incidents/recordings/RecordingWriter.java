package dev.incidents.recordings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Writes the project's own recording format (RECORDING-FORMAT.md, version 1): a header line, then one
 * {@code {"time","type","object"}} line per observed change. Objects are written as the API server returned them,
 * minus what must never be stored: {@code metadata.managedFields}, the last-applied-configuration annotation
 * (a whole manifest, env values included), env values, Secret data. Not thread-safe: one writer per file.
 */
public final class RecordingWriter implements Closeable {
    public static final String FORMAT = "incidents-recording";
    public static final int VERSION = 1;
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private static final Set<String> TYPES = Set.of("ADDED", "MODIFIED", "DELETED");

    private final Writer out;

    /** Writes the header line at once. */
    public RecordingWriter(Writer out, String cluster, Instant startedAt) {
        this.out = out;
        ObjectNode header = JsonLogReader.MAPPER.createObjectNode();
        header.put("format", FORMAT);
        header.put("version", VERSION);
        header.put("cluster", cluster);
        header.put("startedAt", startedAt.toString());
        line(header);
    }

    /** One observed change; {@code type} is ADDED, MODIFIED or DELETED. The object is sanitized, not modified. */
    public void write(Instant time, String type, JsonNode object) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("watch type must be ADDED, MODIFIED or DELETED: " + type);
        }
        ObjectNode line = JsonLogReader.MAPPER.createObjectNode();
        line.put("time", time.toString());
        line.put("type", type);
        line.set("object", sanitize(object));
        line(line);
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** A copy of {@code object} without managedFields, the last-applied annotation, env values and Secret data. */
    public static JsonNode sanitize(JsonNode object) {
        if (object == null || !object.isObject()) {
            return object;
        }
        ObjectNode copy = object.deepCopy();
        JsonNode metadata = copy.get("metadata");
        if (metadata instanceof ObjectNode meta) {
            meta.remove("managedFields");
            if (meta.get("annotations") instanceof ObjectNode annotations) {
                annotations.remove(LAST_APPLIED);
            }
        }
        if ("Secret".equals(JsonFields.text(copy, "kind"))) {
            copy.remove(List.of("data", "stringData"));
        }
        stripEnvValues(copy.get("spec"));
        // owners carry a pod template: ReplicaSet/Job spec.template.spec, CronJob spec.jobTemplate.spec.template.spec
        stripEnvValues(JsonFields.at(copy, "spec", "template", "spec"));
        stripEnvValues(JsonFields.at(copy, "spec", "jobTemplate", "spec", "template", "spec"));
        return copy;
    }

    private static void stripEnvValues(JsonNode podSpec) {
        if (podSpec == null) {
            return;
        }
        for (String list : List.of("containers", "initContainers", "ephemeralContainers")) {
            for (JsonNode container : JsonFields.objects(podSpec, list)) {
                for (JsonNode env : JsonFields.objects(container, "env")) {
                    ((ObjectNode) env).remove("value");
                }
            }
        }
    }

    private void line(JsonNode node) {
        try {
            out.write(JsonLogReader.MAPPER.writeValueAsString(node));
            out.write('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
