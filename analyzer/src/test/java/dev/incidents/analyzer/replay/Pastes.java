package dev.incidents.analyzer.replay;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.schemas.Incident;
import java.time.Instant;
import java.util.List;

/** A paste read as {@code replay} reads a file, printed at {@code now}: every line of it read, none rejected. */
final class Pastes {
    private Pastes() {
    }

    /** The records of {@code text}; a rejected line fails the test. */
    static List<Recorded> read(String text, Instant now) {
        return Recordings.read("paste.txt", text, new ReadOptions("test", now), r -> {
            throw new AssertionError(r.toString());
        });
    }

    /** The latest state of each incident a replay of {@code text} opens. */
    static List<Incident> latest(String text, Instant now) {
        return Replay.run(read(text, now), AnalyzerConfig.defaults()).latest();
    }
}
