package dev.incidents.analyzer.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.analyzer.render.IncidentJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * A transition as a CloudEvents 1.0 event in structured JSON mode ({@code application/cloudevents+json}): the
 * incident JSON of DESIGN §5, as the analyzer wrote it, is {@code data}. The {@code id} is made of the transition
 * (incident id, occurrence, status, lastSeen), so a redelivered transition has the same id and a receiver can drop it
 * as the spec intends ("consumers MAY assume that Events with identical source and id are duplicates").
 *
 * <p>Untrusted strings are not rewritten: the receiver gets the analyzer's data, and JSON string encoding is what keeps
 * them data. Rendering them safely is the receiver's job, as it is for any reader of the topic.
 */
public final class CloudEvent {
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CloudEvent() {
    }

    public static ObjectNode render(Transition t, String source) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", t.occurrenceKey() + "/" + t.status().name() + "/" + IncidentJson.time(t.lastSeen()));
        event.put("source", source);
        event.put("type", "dev.incidents.incident." + t.status().name().toLowerCase(Locale.ROOT));
        event.put("subject", t.id());
        event.put("time", IncidentJson.time(t.lastSeen()));
        event.put("datacontenttype", "application/json");
        event.set("data", data(t.json()));
        return event;
    }

    private static JsonNode data(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
