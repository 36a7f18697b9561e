package dev.incidents.recordings;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * An object printed with its keys unquoted, as a JavaScript console, a CI artifact viewer or a log formatter renders
 * JSON ({@code involvedObject: {}, {@code kind: "Pod",}, {@code reason: "Evicted",}), with or without its outer braces:
 * the JSON object it renders. YAML does not parse so (a quoted value followed by a comma), and is left to its readers.
 * One cut before its end (a thread's stored copy stops inside it) reads as far as it goes ({@link CutJson}).
 */
final class RelaxedObject {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();
    /** The first key, unquoted, and the start of its value: an object, a string, a number, a list, a literal. */
    private static final Pattern UNQUOTED_START = Pattern.compile(
            "^\\{?\\s*[A-Za-z_$][\\w$]*\\s*:\\s*(?:\\{|\"|'|-?\\d|\\[|true\\b|false\\b|null\\b)");

    private RelaxedObject() {
    }

    /** The object {@code text} prints; null when it is no object printed so. */
    static ObjectNode parse(String text) {
        String t = text.strip();
        if (!UNQUOTED_START.matcher(t).lookingAt() || t.indexOf(',') < 0) {
            return null;
        }
        String object = t.startsWith("{") ? t : "{" + t;
        ObjectNode whole = read(t.startsWith("{") ? object : object + "}");
        return whole != null ? whole : read(CutJson.closed(object));
    }

    private static ObjectNode read(String object) {
        try {
            JsonNode node = LENIENT.readTree(object);
            return node != null && node.isObject() ? (ObjectNode) node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
