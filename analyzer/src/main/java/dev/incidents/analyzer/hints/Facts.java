package dev.incidents.analyzer.hints;

import dev.incidents.recordings.Unnamed;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names taken from the evidence of one incident, to fill hint templates. Immutable; blank values count as missing,
 * so a caller can pass what it has without checking.
 */
public final class Facts {

    private static final Facts EMPTY = new Facts(new EnumMap<>(Fact.class), EnumSet.noneOf(Clue.class));

    private final Map<Fact, String> values;
    private final Set<Clue> clues;

    private Facts(EnumMap<Fact, String> values, EnumSet<Clue> clues) {
        this.values = Collections.unmodifiableMap(values);
        this.clues = Collections.unmodifiableSet(clues);
    }

    public static Facts empty() {
        return EMPTY;
    }

    public static Facts of(Fact fact, String value) {
        return EMPTY.with(fact, value);
    }

    public static Facts of(Fact f1, String v1, Fact f2, String v2) {
        return of(f1, v1).with(f2, v2);
    }

    public static Facts of(Fact f1, String v1, Fact f2, String v2, Fact f3, String v3) {
        return of(f1, v1, f2, v2).with(f3, v3);
    }

    public static Facts of(Fact f1, String v1, Fact f2, String v2, Fact f3, String v3, Fact f4, String v4) {
        return of(f1, v1, f2, v2, f3, v3).with(f4, v4);
    }

    public static Facts of(Fact f1, String v1, Fact f2, String v2, Fact f3, String v3, Fact f4, String v4,
                           Fact f5, String v5) {
        return of(f1, v1, f2, v2, f3, v3, f4, v4).with(f5, v5);
    }

    /** A copy with {@code fact} set; a null or blank value removes it. */
    /**
     * Facts that name an object a command acts on: a reader's placeholder for an unnamed one is not a name. The
     * workload's name too: a fragment's pod or claim named by no line reads "the pod" in prose (see
     * {@link HintTemplate#prose}), and no command is given for it.
     */
    private static final Set<Fact> NAMES = EnumSet.of(Fact.POD, Fact.NODE, Fact.CONTAINER, Fact.WORKLOAD_NAME, Fact.PVC,
            Fact.GROUP_OBJECT);

    public Facts with(Fact fact, String value) {
        EnumMap<Fact, String> copy = values.isEmpty() ? new EnumMap<>(Fact.class) : new EnumMap<>(values);
        if (value == null || value.isBlank() || NAMES.contains(fact)
                && Unnamed.isPlaceholder(value.substring(value.lastIndexOf('/') + 1))) {
            // a name the paste did not give is a missing fact: prose reads "the pod", a command is left out
            copy.remove(fact);
        } else {
            copy.put(fact, value.trim());
        }
        if (fact == Fact.WORKLOAD_KIND || fact == Fact.WORKLOAD_NAME) {
            // the kinds only some commands take follow the workload's kind
            String kind = copy.get(Fact.WORKLOAD_KIND);
            putOrRemove(copy, Fact.TEMPLATE_KIND, kind != null && TEMPLATE_KINDS.contains(kind) ? kind : null);
            putOrRemove(copy, Fact.ROLLOUT_KIND, kind != null && ROLLOUT_KINDS.contains(kind) ? kind : null);
            putOrRemove(copy, Fact.EDIT_KIND, kind != null && !"Pod".equals(kind) ? kind : null);
            putOrRemove(copy, Fact.BARE_POD, "Pod".equals(kind) ? copy.get(Fact.WORKLOAD_NAME) : null);
        }
        return new Facts(copy, EnumSet.copyOf(cluesOrNone()));
    }

    /** Kinds with a pod template at {@code .spec.template}, which commands may read and patch. */
    private static final Set<String> TEMPLATE_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "Job", "ReplicationController");
    /** Kinds {@code kubectl rollout} handles. */
    private static final Set<String> ROLLOUT_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet");

    private static void putOrRemove(EnumMap<Fact, String> facts, Fact fact, String value) {
        if (value == null) {
            facts.remove(fact);
        } else {
            facts.put(fact, value);
        }
    }

    /** A copy with {@code fact} set when the value is present. */
    public Facts with(Fact fact, Optional<String> value) {
        return with(fact, value.orElse(null));
    }

    /** A copy with every fact of {@code other} added; where both have a fact, {@code other}'s value wins. */
    public Facts and(Facts other) {
        EnumMap<Fact, String> copy = values.isEmpty() ? new EnumMap<>(Fact.class) : new EnumMap<>(values);
        copy.putAll(other.values);
        EnumSet<Clue> allClues = EnumSet.copyOf(cluesOrNone());
        allClues.addAll(other.clues);
        return new Facts(copy, allClues);
    }

    /** A copy carrying {@code clue} (see {@link Clue}). */
    public Facts withClue(Clue clue) {
        EnumSet<Clue> allClues = EnumSet.copyOf(cluesOrNone());
        allClues.add(clue);
        return new Facts(values.isEmpty() ? new EnumMap<>(Fact.class) : new EnumMap<>(values), allClues);
    }

    /** A copy carrying {@code clue} when present. */
    public Facts withClue(Optional<Clue> clue) {
        return clue.map(this::withClue).orElse(this);
    }

    public boolean has(Clue clue) {
        return clues.contains(clue);
    }

    public Set<Clue> clues() {
        return clues;
    }

    private Set<Clue> cluesOrNone() {
        return clues.isEmpty() ? EnumSet.noneOf(Clue.class) : clues;
    }

    public Optional<String> get(Fact fact) {
        return Optional.ofNullable(values.get(fact));
    }

    public boolean has(Fact fact) {
        return values.containsKey(fact);
    }

    public Map<Fact, String> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Facts other && values.equals(other.values) && clues.equals(other.clues);
    }

    @Override
    public int hashCode() {
        return 31 * values.hashCode() + clues.hashCode();
    }

    @Override
    public String toString() {
        return "Facts" + values + (clues.isEmpty() ? "" : " clues " + clues);
    }
}
