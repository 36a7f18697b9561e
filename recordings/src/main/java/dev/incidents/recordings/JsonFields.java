package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Null-safe reads of Kubernetes JSON. The API server omits empty fields, writes {@code null} for unset
 * timestamps ({@code "eventTime": null}) and {@code ""} for unset strings ({@code "reportingComponent": ""}):
 * all three mean absent here.
 */
final class JsonFields {
    private JsonFields() {
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String field : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(field);
        }
        return current == null || current.isNull() || current.isMissingNode() ? null : current;
    }

    static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value == null || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    static Integer integer(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.asInt();
        }
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.asText().trim());
            } catch (NumberFormatException e) {
                throw new MalformedObjectException("not an integer in " + String.join(".", path) + ": '"
                        + KubeTime.abbreviate(value.asText()) + "'");
            }
        }
        return null;
    }

    static Long longValue(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value != null && value.isNumber() ? value.asLong() : null;
    }

    static boolean bool(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value != null && (value.isBoolean() ? value.asBoolean() : "true".equalsIgnoreCase(value.asText()));
    }

    static Boolean optionalBool(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value == null ? null : bool(node, path);
    }

    static Instant time(JsonNode node, String... path) {
        String text = text(node, path);
        return text == null ? null : KubeTime.parse(text, String.join(".", path));
    }

    /** A JSON object of scalars as a sorted map (labels, nodeSelector, resource quantities). */
    static Map<String, String> stringMap(JsonNode node, String... path) {
        Map<String, String> map = new TreeMap<>();
        JsonNode object = at(node, path);
        if (object != null && object.isObject()) {
            object.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull() && !e.getValue().isContainerNode()) {
                    map.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return map;
    }

    /** The object elements of a JSON array, empty when absent or not an array. */
    static List<JsonNode> objects(JsonNode node, String... path) {
        List<JsonNode> list = new ArrayList<>();
        JsonNode array = at(node, path);
        if (array != null && array.isArray()) {
            array.forEach(element -> {
                if (element.isObject()) {
                    list.add(element);
                }
            });
        }
        return list;
    }

    static List<String> strings(JsonNode node, String... path) {
        List<String> list = new ArrayList<>();
        JsonNode array = at(node, path);
        if (array != null && array.isArray()) {
            array.forEach(element -> {
                if (!element.isNull() && !element.isContainerNode()) {
                    list.add(element.asText());
                }
            });
        }
        return list;
    }

    static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
