package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.signal.Signal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One category's recognition rules: which signals are evidence for it, which show recovery, when the evidence is
 * enough, and how the catalog's causes are ranked for this case. Grace, quiet period, rate limits, supersession and
 * state live once, in {@link dev.incidents.analyzer.correlate.IncidentLifecycle}, not here.
 */
public interface Detector {

    Category category();

    /** The failure evidence this signal carries for the category, if any. */
    Optional<Finding> examine(Signal signal, SubjectView subject);

    /**
     * Every piece of evidence this signal carries for the category: one signal may name several objects (a node that
     * stopped advertising its GPUs, and each workload running there). Defaults to {@link #examine}, without a stream
     * per detector and signal.
     */
    default List<Finding> findings(Signal signal, SubjectView subject) {
        Optional<Finding> finding = examine(signal, subject);
        return finding.isPresent() ? List.of(finding.get()) : List.of();
    }

    /** Whether this signal shows a failing object recovered. Defaults to the phase's recovery signals. */
    default Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        return PhaseRecovery.of(category().phase(), signal);
    }

    /** Whether the gathered evidence is enough to open (checked after the grace). */
    default boolean sufficient(EvidenceSummary evidence) {
        return true;
    }

    /** Categories that explain this one better when both are present (CRASH_LOOP yields to OOM_KILLED). */
    default Set<Category> yieldsTo() {
        return Set.of();
    }

    /**
     * The categories a candidate with these facts (by {@link dev.incidents.analyzer.hints.Fact} name) yields to: what
     * its evidence names can make another category the better explanation. {@link #yieldsTo()} by default.
     */
    default Set<Category> yieldsTo(java.util.Map<String, String> facts) {
        return yieldsTo();
    }

    /**
     * What the gathered evidence shows about the catalog's causes, by cause id: a clue it proves (ranked first) or a
     * line of evidence for a cause. Read when the incident is built; none by default.
     */
    default List<CauseEvidence> weigh(EvidenceSummary evidence, SubjectView subject) {
        return List.of();
    }
}
