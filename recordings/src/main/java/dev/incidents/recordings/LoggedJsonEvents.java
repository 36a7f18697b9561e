package dev.incidents.recordings;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Events a program prints as indented JSON among its own log lines: an operator's hook logging each Event it receives
 * ({@code Got Event:}, then the object from a {@code {} line down to its closing brace), a controller dumping what
 * it watched. Core ({@code involvedObject}, {@code message}) and {@code events.k8s.io} ({@code regarding},
 * {@code note}) events alike, as the reporter cut them: {@code ...} for the fields left out, a comma left before a
 * closing brace. An event the cut left without its object is about the one object the others name; with none named,
 * or several, it is about nothing the paste says and is left out.
 */
final class LoggedJsonEvents {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .build();
    /** The reporter's elision: {@code ...} or {@code …} where fields were, alone on its line or after a brace. */
    private static final Pattern ELISION = Pattern.compile("^(\\s*[{\\[]?)\\s*(?:\\.\\.\\.|…)\\s*,?\\s*$");
    private static final List<String> OBJECT_FIELDS = List.of("involvedObject", "regarding");
    private static final int MOST_LINES = 400;

    private LoggedJsonEvents() {
    }

    /**
     * Emits the events printed as JSON objects in {@code lines} (nothing when none opens on a line of its own), and
     * returns the lines with the events' blanked: their messages are not to be read again as prose.
     */
    static List<String> read(List<String> lines, DescribeSink sink) {
        List<ObjectNode> events = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!opens(lines.get(i))) {
                continue;
            }
            int end = closing(lines, i);
            if (end < 0) {
                continue;
            }
            ObjectNode event = event(lines.subList(i, end + 1));
            if (event != null) {
                events.add(event);
                at.add(i + 1);
                ends.add(end);
                i = end;
            }
        }
        Set<String> named = new HashSet<>();
        JsonNode object = null;
        for (ObjectNode event : events) {
            JsonNode about = about(event);
            if (about != null && named.add(about.path("kind").asText() + "/" + about.path("namespace").asText()
                    + "/" + about.path("name").asText())) {
                object = about;
            }
        }
        if (named.isEmpty()) {
            return lines; // events about nothing the paste names: its messages are left to the other readers
        }
        List<String> rest = new ArrayList<>(lines);
        for (int k = 0; k < events.size(); k++) {
            for (int i = at.get(k) - 1; i <= ends.get(k); i++) {
                rest.set(i, "");
            }
        }
        for (int k = 0; k < events.size(); k++) {
            ObjectNode event = events.get(k);
            if (about(event) == null) {
                if (named.size() > 1) {
                    continue; // which of them it is about, the cut left out
                }
                event.set("regarding", object.deepCopy());
            }
            if (!event.has("kind")) {
                event.put("kind", "Event");
            }
            sink.event(event, at.get(k));
        }
        return rest;
    }

    /** A line that opens an object and nothing else (or only the reporter's elision): {@code {}, {@code { ...}. */
    private static boolean opens(String line) {
        String t = ELISION.matcher(line).replaceFirst("$1").strip();
        return t.equals("{");
    }

    /** The line the object opened at {@code open} closes on, strings skipped; -1 when the lines end first. */
    private static int closing(List<String> lines, int open) {
        String text = String.join("\n", lines.subList(open, Math.min(lines.size(), open + MOST_LINES)));
        int close = PodJsonExcerpt.closing(text, text.indexOf('{'));
        return close < 0 ? -1 : open + (int) text.substring(0, close).chars().filter(c -> c == '\n').count();
    }

    /** The event {@code object} prints: a reason and a message or note, and no kind but Event's; null for others. */
    private static ObjectNode event(List<String> object) {
        StringBuilder json = new StringBuilder();
        for (String line : object) {
            json.append(ELISION.matcher(line).replaceFirst("$1")).append('\n');
        }
        JsonNode parsed;
        try {
            parsed = LENIENT.readTree(json.toString());
        } catch (IOException e) {
            return null;
        }
        if (parsed == null || !parsed.isObject() || !parsed.path("reason").isTextual()
                || !parsed.path("note").isTextual() && !parsed.path("message").isTextual()
                || parsed.has("kind") && !"Event".equals(parsed.path("kind").asText())) {
            return null;
        }
        return (ObjectNode) parsed;
    }

    /** The object an event is about, when it names one: its kind and name at least. */
    private static JsonNode about(JsonNode event) {
        for (String field : OBJECT_FIELDS) {
            JsonNode object = event.path(field);
            if (object.path("kind").isTextual() && object.path("name").isTextual()) {
                return object;
            }
        }
        return null;
    }
}
