package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.hints.Clue;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What a candidate has gathered so far, as detectors see it when deciding whether it is enough and how to rank.
 *
 * @param signalCount distinct signals
 * @param totalCount  occurrences, counting event count bumps
 * @param span        from first to last evidence
 * @param workloads   for node incidents: the workloads hit
 * @param nodeLevel   the node itself reported the condition
 * @param facts       fact name to value
 * @param clues       the {@link Clue} names the findings proved
 */
public record EvidenceSummary(int signalCount, int totalCount, Duration span, Set<String> workloads, boolean nodeLevel,
                              Map<String, String> facts, Set<String> clues) {

    public boolean has(Clue clue) {
        return clues.contains(clue.name());
    }

    /** Whether {@code clue} is all the findings proved: a weak sign that opens nothing alone. */
    public boolean onlyClue(Clue clue) {
        return clues.size() == 1 && has(clue);
    }
}
