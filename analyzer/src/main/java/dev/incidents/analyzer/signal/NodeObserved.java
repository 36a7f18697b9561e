package dev.incidents.analyzer.signal;

import dev.incidents.schemas.NodeSnapshot;
import java.time.Instant;
import java.util.Optional;

/** A Node snapshot: what the node advertises (capacity, allocatable), where a lost accelerator shows first. */
public record NodeObserved(NodeSnapshot snapshot, Instant time) implements Signal {

    public static NodeObserved of(NodeSnapshot node) {
        return new NodeObserved(node, node.getObservedAt());
    }

    @Override
    public Optional<String> pod() {
        return Optional.empty();
    }

    @Override
    public Optional<String> node() {
        return Optional.of(snapshot.getName());
    }
}
