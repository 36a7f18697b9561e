package dev.incidents.analyzer.hints;

import dev.incidents.schemas.Cause;
import dev.incidents.schemas.RemediationStep;
import java.util.List;

/** A catalog entry filled with the facts of one incident, in the Avro types the Incident record carries. */
public record RenderedHint(String title, String summary, List<Cause> causes, List<RemediationStep> remediation) {

    public RenderedHint {
        causes = List.copyOf(causes);
        remediation = List.copyOf(remediation);
    }
}
