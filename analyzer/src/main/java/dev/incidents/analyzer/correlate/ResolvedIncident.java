package dev.incidents.analyzer.correlate;

import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import java.util.List;

/**
 * What the {@code incidents} store needs to keep of a RESOLVED incident where nothing but the correlator reads the
 * store ({@code replay}: no changelog, no interactive queries). Until the resolved retention ends, a resolved
 * incident is read back only for its status and occurrence (re-opening numbers the next occurrence, DESIGN section 4)
 * and its last-seen time (the purge); an open one's whole content is compared with its next update, but an update
 * never follows a resolve without an open in between, which writes the whole incident again. So the rendered parts
 * (title, summary, causes, evidence, remediation, text: most of its bytes) and the lists of pods and nodes are left
 * out; what is kept identifies it. The live application's store serves {@code /incidents}, resolved ones included,
 * and keeps them whole.
 */
final class ResolvedIncident {

    private ResolvedIncident() {
    }

    /** The part of {@code resolved} that later transitions read; a new record, {@code resolved} is emitted as it is. */
    static Incident compact(Incident resolved) {
        if (resolved.getStatus() != IncidentStatus.RESOLVED) {
            throw new IllegalArgumentException("not resolved: " + resolved.getId() + " " + resolved.getStatus());
        }
        return Incident.newBuilder()
                .setId(resolved.getId())
                .setOccurrence(resolved.getOccurrence())
                .setStatus(resolved.getStatus())
                .setCategory(resolved.getCategory())
                .setPhase(resolved.getPhase())
                .setSeverity(resolved.getSeverity())
                .setCluster(resolved.getCluster())
                .setNamespace(resolved.getNamespace())
                .setWorkload(resolved.getWorkload())
                .setPods(List.of())
                .setNodes(List.of())
                .setAffectedWorkloads(List.of())
                .setTitle("")
                .setSummary("")
                .setCauses(List.of())
                .setEvidence(List.of())
                .setRemediation(List.of())
                .setFirstSeen(resolved.getFirstSeen())
                .setLastSeen(resolved.getLastSeen())
                .setSignalCount(resolved.getSignalCount())
                .setFollows(resolved.getFollows())
                .setResolution(resolved.getResolution())
                .setText("")
                .build();
    }
}
