package dev.incidents.recordings;

/** A record that could not be read, reported as {@code file:line: reason} and skipped. */
public record Rejection(String file, long line, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
