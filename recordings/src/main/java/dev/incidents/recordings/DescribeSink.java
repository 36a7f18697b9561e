package dev.incidents.recordings;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where the objects rebuilt from one file's describe text go, and its rejections: snapshots are observed at
 * {@link ReadOptions#now()} (the paste's moment), events carry their own times (ages anchored at it).
 */
record DescribeSink(String file, ReadOptions options, Consumer<RawObject> out, Consumer<Rejection> rejected) {

    Instant now() {
        return options.now();
    }

    /** A Pod, Node or owner rebuilt from the text, observed at {@link #now()}. */
    void snapshot(ObjectNode object, long line) {
        out.accept(new RawObject(object, null, options.now(), options.clusterOr(null), file, line));
    }

    /** A Pod rebuilt from a row printed at {@code at} (an earlier row of {@code kubectl get pods -w}). */
    void snapshot(ObjectNode object, long line, Instant at) {
        out.accept(new RawObject(object, null, at, options.clusterOr(null), file, line));
    }

    /** An Event rebuilt from a table row: its time is its own. */
    void event(ObjectNode event, long line) {
        out.accept(new RawObject(event, null, null, options.clusterOr(null), file, line));
    }

    void reject(long line, String reason) {
        rejected.accept(new Rejection(file, line, reason));
    }
}
