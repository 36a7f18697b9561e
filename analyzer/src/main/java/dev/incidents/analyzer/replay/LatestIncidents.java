package dev.incidents.analyzer.replay;

import dev.incidents.schemas.Incident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The latest state of each incident of a replay, kept as the bytes the topology emitted it as: a replay of a long
 * recording opens thousands of incidents, and as objects (evidence, rendered causes and remediation, the Markdown
 * text) they were the part of its heap that grew with the input. Each is decoded again only when it is printed.
 */
final class LatestIncidents {
    private record Kept(Instant firstSeen, String id, byte[] bytes) {
    }

    /** The order the command prints them in: first seen, then id (stable across runs). */
    private static final Comparator<Kept> ORDER = Comparator.comparing(Kept::firstSeen).thenComparing(Kept::id);

    private final Map<String, Kept> byId = new HashMap<>();
    private final Deserializer<Incident> decoder;
    private final String topic;

    LatestIncidents(Deserializer<Incident> decoder, String topic) {
        this.decoder = decoder;
        this.topic = topic;
    }

    /** {@code incident} is {@code bytes} decoded. */
    void put(Incident incident, byte[] bytes) {
        byId.put(incident.getId(), new Kept(incident.getFirstSeen(), incident.getId(), bytes));
    }

    int size() {
        return byId.size();
    }

    /** Each incident in order, decoded one at a time. */
    void forEach(Consumer<Incident> action) {
        List<Kept> ordered = new ArrayList<>(byId.values());
        ordered.sort(ORDER);
        for (Kept kept : ordered) {
            action.accept(decoder.deserialize(topic, kept.bytes()));
        }
    }

    /** All of them decoded, in order (tests and small replays). */
    List<Incident> list() {
        List<Incident> all = new ArrayList<>(byId.size());
        forEach(all::add);
        return List.copyOf(all);
    }
}
