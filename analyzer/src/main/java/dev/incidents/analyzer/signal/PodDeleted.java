package dev.incidents.analyzer.signal;

import java.time.Instant;
import java.util.Optional;

/** A Pod tombstone: the pod is gone (scaled down, replaced, or deleted by hand as a remediation). */
public record PodDeleted(String name, Instant time) implements Signal {

    @Override
    public Optional<String> pod() {
        return Optional.of(name);
    }

    @Override
    public Optional<String> node() {
        return Optional.empty();
    }
}
