package dev.incidents.analyzer.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.schemas.AffectedWorkload;
import dev.incidents.schemas.Cause;
import dev.incidents.schemas.Evidence;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.Phase;
import dev.incidents.schemas.RemediationStep;
import dev.incidents.schemas.Severity;
import dev.incidents.schemas.WorkloadRef;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The incident as JSON, DESIGN.md section 5: the contract with chat bots and {@code replay --output jsonl}.
 *
 * <p>Field names and order are exactly those of section 5, with one extra field, {@code affectedWorkloads}
 * ({@code [{namespace, kind, name}]}, the workloads hit by a node incident), written after {@code nodes}. One line, no
 * spaces; times RFC 3339 UTC with {@code Z}, milliseconds only when non-zero; so the same incident always gives the
 * same bytes, and a replay can be diffed against a golden file.
 */
public final class IncidentJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private IncidentJson() {
    }

    public static String toJson(Incident incident) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", incident.getId());
            g.writeNumberField("occurrence", incident.getOccurrence());
            g.writeStringField("status", name(incident.getStatus()));
            g.writeStringField("category", incident.getCategory());
            g.writeStringField("phase", name(incident.getPhase()));
            g.writeStringField("severity", name(incident.getSeverity()));
            g.writeStringField("cluster", incident.getCluster());
            g.writeStringField("namespace", incident.getNamespace());
            WorkloadRef workload = incident.getWorkload();
            if (workload == null) {
                g.writeNullField("workload");
            } else {
                g.writeObjectFieldStart("workload");
                g.writeStringField("kind", workload.getKind());
                g.writeStringField("name", workload.getName());
                g.writeEndObject();
            }
            strings(g, "pods", incident.getPods());
            strings(g, "nodes", incident.getNodes());
            g.writeArrayFieldStart("affectedWorkloads");
            for (AffectedWorkload w : list(incident.getAffectedWorkloads())) {
                g.writeStartObject();
                g.writeStringField("namespace", w.getNamespace());
                g.writeStringField("kind", w.getKind());
                g.writeStringField("name", w.getName());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("title", incident.getTitle());
            g.writeStringField("summary", incident.getSummary());
            g.writeArrayFieldStart("causes");
            for (Cause c : list(incident.getCauses())) {
                g.writeStartObject();
                if (c.getId() != null) {
                    g.writeStringField("id", c.getId());
                }
                g.writeStringField("cause", c.getCause());
                g.writeNumberField("confidence", c.getConfidence());
                strings(g, "evidence", c.getEvidence());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("evidence");
            for (Evidence e : list(incident.getEvidence())) {
                g.writeStartObject();
                g.writeStringField("time", time(e.getTime()));
                g.writeStringField("kind", e.getKind());
                g.writeStringField("name", e.getName());
                g.writeStringField("reason", e.getReason());
                g.writeStringField("message", e.getMessage());
                g.writeNumberField("count", e.getCount());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("remediation");
            for (RemediationStep s : list(incident.getRemediation())) {
                g.writeStartObject();
                g.writeStringField("step", s.getStep());
                strings(g, "commands", s.getCommands());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("firstSeen", time(incident.getFirstSeen()));
            g.writeStringField("lastSeen", time(incident.getLastSeen()));
            g.writeNumberField("signalCount", incident.getSignalCount());
            g.writeStringField("follows", incident.getFollows());
            g.writeStringField("resolution", incident.getResolution());
            g.writeStringField("text", incident.getText());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** RFC 3339 UTC, {@code 2025-06-01T10:00:00Z} or {@code 2025-06-01T10:00:00.250Z}; null stays null. */
    public static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Reads what {@link #toJson} wrote (for {@code tail}). Unknown fields are ignored so a reader built today still
     * reads incidents written by a newer analyzer.
     *
     * @throws IllegalArgumentException when the text is not an incident
     */
    public static Incident fromJson(String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an incident JSON: " + e.getMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not an incident JSON object");
        }
        try {
            JsonNode workload = n.get("workload");
            return Incident.newBuilder()
                    .setId(required(n, "id"))
                    .setOccurrence(n.path("occurrence").asInt(1))
                    .setStatus(IncidentStatus.valueOf(required(n, "status")))
                    .setCategory(required(n, "category"))
                    .setPhase(n.hasNonNull("phase") ? Phase.valueOf(n.get("phase").asText()) : Phase.UNKNOWN)
                    .setSeverity(n.hasNonNull("severity")
                            ? Severity.valueOf(n.get("severity").asText()) : Severity.WARNING)
                    .setCluster(required(n, "cluster"))
                    .setNamespace(optional(n, "namespace"))
                    .setWorkload(workload == null || workload.isNull() ? null : WorkloadRef.newBuilder()
                            .setKind(workload.path("kind").asText()).setName(workload.path("name").asText()).build())
                    .setPods(strings(n.get("pods")))
                    .setNodes(strings(n.get("nodes")))
                    .setAffectedWorkloads(objects(n.get("affectedWorkloads"), w -> AffectedWorkload.newBuilder()
                            .setNamespace(w.path("namespace").asText()).setKind(w.path("kind").asText())
                            .setName(w.path("name").asText()).build()))
                    .setTitle(n.path("title").asText(""))
                    .setSummary(n.path("summary").asText(""))
                    .setCauses(objects(n.get("causes"), c -> Cause.newBuilder()
                            .setId(c.hasNonNull("id") ? c.get("id").asText() : null)
                            .setCause(c.path("cause").asText()).setConfidence(c.path("confidence").asDouble())
                            .setEvidence(strings(c.get("evidence"))).build()))
                    .setEvidence(objects(n.get("evidence"), e -> Evidence.newBuilder()
                            .setTime(Instant.parse(e.path("time").asText()))
                            .setKind(e.path("kind").asText()).setName(e.path("name").asText())
                            .setReason(optional(e, "reason")).setMessage(optional(e, "message"))
                            .setCount(e.path("count").asInt(1)).build()))
                    .setRemediation(objects(n.get("remediation"), s -> RemediationStep.newBuilder()
                            .setStep(s.path("step").asText()).setCommands(strings(s.get("commands"))).build()))
                    .setFirstSeen(Instant.parse(required(n, "firstSeen")))
                    .setLastSeen(Instant.parse(required(n, "lastSeen")))
                    .setSignalCount(n.path("signalCount").asInt(0))
                    .setFollows(optional(n, "follows"))
                    .setResolution(optional(n, "resolution"))
                    .setText(n.path("text").asText(""))
                    .build();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an incident JSON: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v.asText();
    }

    private static String optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    private static <T> List<T> objects(JsonNode array, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> out.add(read.apply(v)));
        }
        return out;
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : list(values)) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
