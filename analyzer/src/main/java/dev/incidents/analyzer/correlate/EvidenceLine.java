package dev.incidents.analyzer.correlate;

/** One evidence entry of a candidate incident, as kept in the state store (times in epoch millis). */
public final class EvidenceLine {
    public String key;
    public long time;
    public String kind;
    public String name;
    public String reason;
    public String message;
    public int count;

    public EvidenceLine() {
    }

    EvidenceLine(String key, long time, String kind, String name, String reason, String message, int count) {
        this.key = key;
        this.time = time;
        this.kind = kind;
        this.name = name;
        this.reason = reason;
        this.message = message;
        this.count = count;
    }
}
