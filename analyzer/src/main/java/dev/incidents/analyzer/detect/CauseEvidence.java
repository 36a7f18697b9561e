package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.hints.Clue;
import dev.incidents.schemas.Cause;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a detector learned about one of the catalog's causes, by the cause's id (causes are data: no code reads the
 * catalog's prose). An id that names a {@link Clue} proves it, so its cause is rendered and ranked first; any other id
 * only adds the line to that cause's evidence.
 *
 * @param cause the catalog cause id ({@code ALL_ADVERTISED_ALLOCATED}, {@code ROOT_VOLUME_TOO_SMALL})
 * @param line  what shows it, in the incident's words ("3 node(s) advertise 24 nvidia.com/gpu: ...")
 */
public record CauseEvidence(String cause, String line) {

    public static CauseEvidence proving(Clue clue, String line) {
        return new CauseEvidence(clue.name(), line);
    }

    /** Items an evidence line names in full; a fleet's hundreds of GPU nodes are counted, and the first ones named. */
    static final int NAMED = 10;

    /**
     * {@code items} joined for an evidence line: all of them up to {@link #NAMED}, else the first ones and how many
     * more ({@code gpu-a (4), gpu-b (4), ... and 817 more}): a line listing 827 nodes was unreadable, and every build
     * of an incident carried it (the remediation's commands list them all).
     */
    public static String listed(List<String> items) {
        return listed(items, items.size());
    }

    /** {@link #listed(List)} of {@code total} items of which {@code first} are the first ones (at least NAMED of them). */
    public static String listed(List<String> first, int total) {
        if (total <= NAMED) {
            return String.join(", ", first.subList(0, Math.min(total, first.size())));
        }
        return String.join(", ", first.subList(0, NAMED)) + " and " + (total - NAMED) + " more";
    }

    /** The clue this evidence proves, when its id names one. */
    public Optional<Clue> clue() {
        return Arrays.stream(Clue.values()).filter(c -> c.name().equals(cause)).findFirst();
    }

    /** The rendered causes with each line added to the evidence of the cause it names. */
    public static List<Cause> attach(List<Cause> causes, List<CauseEvidence> lines) {
        if (lines.isEmpty()) {
            return causes;
        }
        List<Cause> out = new ArrayList<>(causes.size());
        for (Cause c : causes) {
            List<String> evidence = new ArrayList<>(c.getEvidence());
            for (CauseEvidence e : lines) {
                if (e.cause().equals(c.getId())) {
                    evidence.add(e.line());
                }
            }
            out.add(evidence.size() == c.getEvidence().size() ? c : Cause.newBuilder(c).setEvidence(evidence).build());
        }
        return out;
    }
}
