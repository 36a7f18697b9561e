package dev.incidents.analyzer.messages;

import java.util.function.Function;

/**
 * The last message a parser read and what it made of it. Several detectors read the same event's message (the image
 * pull detectors, the scheduling detectors), one after the other: the first parses, the others get the same result.
 * Compared by identity, the same {@code String} instance, so it never answers for another message. Thread-safe: the
 * entry is immutable and published whole.
 */
final class LastParse<T> {

    private record Entry<T>(String message, T parsed) {
    }

    private final Function<String, T> parser;
    private volatile Entry<T> last;

    LastParse(Function<String, T> parser) {
        this.parser = parser;
    }

    T parse(String message) {
        Entry<T> entry = last;
        if (entry != null && entry.message() == message) {
            return entry.parsed();
        }
        T parsed = parser.apply(message);
        last = new Entry<>(message, parsed);
        return parsed;
    }
}
