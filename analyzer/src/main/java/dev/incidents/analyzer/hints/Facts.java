package dev.incidents.analyzer.hints;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names taken from the evidence of one incident, to fill hint templates. Immutable; blank values count as missing,
 * so a caller can pass what it has without checking.
 */
public final class Facts {

    private static final Facts EMPTY = new Facts(new EnumMap<>(Fact.class));

    private final Map<Fact, String> values;

    private Facts(EnumMap<Fact, String> values) {
        this.values = Collections.unmodifiableMap(values);
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
    public Facts with(Fact fact, String value) {
        EnumMap<Fact, String> copy = values.isEmpty() ? new EnumMap<>(Fact.class) : new EnumMap<>(values);
        if (value == null || value.isBlank()) {
            copy.remove(fact);
        } else {
            copy.put(fact, value.trim());
        }
        return new Facts(copy);
    }

    /** A copy with {@code fact} set when the value is present. */
    public Facts with(Fact fact, Optional<String> value) {
        return with(fact, value.orElse(null));
    }

    /** A copy with every fact of {@code other} added; where both have a fact, {@code other}'s value wins. */
    public Facts and(Facts other) {
        if (other.values.isEmpty()) {
            return this;
        }
        EnumMap<Fact, String> copy = values.isEmpty() ? new EnumMap<>(Fact.class) : new EnumMap<>(values);
        copy.putAll(other.values);
        return new Facts(copy);
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
        return o instanceof Facts other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Facts" + values;
    }
}
