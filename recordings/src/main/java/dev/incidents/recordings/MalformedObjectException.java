package dev.incidents.recordings;

/**
 * A Kubernetes object that cannot be mapped to a schema record (no {@code metadata.name}, an Event without
 * {@code involvedObject}/{@code regarding}, an unparseable timestamp). Callers report {@link #reason()} and skip
 * the object; the stream goes on.
 */
public final class MalformedObjectException extends RuntimeException {
    private final String reason;

    public MalformedObjectException(String reason) {
        super(reason);
        this.reason = reason;
    }

    /** Human-readable, one line, says which field is wrong. */
    public String reason() {
        return reason;
    }
}
