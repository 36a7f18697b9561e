package dev.incidents.analyzer.signal;

import java.time.Instant;
import java.util.Optional;

/** A Node tombstone: the node is gone (scaled in, replaced), so nothing it advertised is missing any more. */
public record NodeDeleted(String name, Instant time) implements Signal {

    @Override
    public Optional<String> pod() {
        return Optional.empty();
    }

    @Override
    public Optional<String> node() {
        return Optional.of(name);
    }
}
