package dev.incidents.analyzer.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.Evidence;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the live page keeps of a long-running analyzer's transitions, and what it lets go. */
class IncidentHistoryTest {
    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");

    @Test
    void keeps_the_opening_and_the_newest_transitions_and_evidence_and_only_the_latest_whole() {
        IncidentHistory history = new IncidentHistory();
        for (int i = 0; i < 70; i++) {
            history.add(transition("c/ns/Deployment/w/OOM_KILLED", i == 0 ? IncidentStatus.OPEN : IncidentStatus.UPDATED, i, 3));
        }
        history.add(transition("c/ns/Deployment/w/OOM_KILLED", IncidentStatus.UPDATED, 69, 3)); // a re-read: no step

        IncidentHistory.Entry entry = history.entry("c/ns/Deployment/w/OOM_KILLED");
        assertThat(entry.transitions()).hasSize(IncidentHistory.MAX_TRANSITIONS);
        assertThat(entry.transitions().get(0).getStatus()).isEqualTo(IncidentStatus.OPEN);
        assertThat(entry.latest().getLastSeen()).isEqualTo(T0.plusSeconds(69 * 60));
        assertThat(entry.latest().getEvidence()).hasSize(3);
        assertThat(entry.transitions().get(1).getEvidence()).isEmpty();
        assertThat(entry.evidence()).hasSize(IncidentHistory.MAX_EVIDENCE);
        assertThat(entry.evidence().get(entry.evidence().size() - 1).getTime()).isEqualTo(T0.plusSeconds(69 * 60 + 2));
    }

    @Test
    void a_full_history_lets_the_longest_resolved_incident_go_first() {
        IncidentHistory history = new IncidentHistory(2, 8, 8);
        history.add(transition("c/ns/Deployment/open/OOM_KILLED", IncidentStatus.OPEN, 0, 1));
        history.add(transition("c/ns/Deployment/old/OOM_KILLED", IncidentStatus.RESOLVED, 1, 1));
        history.add(transition("c/ns/Deployment/new/OOM_KILLED", IncidentStatus.RESOLVED, 2, 1));
        assertThat(history.entries()).extracting(IncidentHistory.Entry::id)
                .containsExactly("c/ns/Deployment/open/OOM_KILLED", "c/ns/Deployment/new/OOM_KILLED");
    }

    /** The next phase says which incident it follows; the page links both ways, also once the earlier one is gone. */
    @Test
    void knows_who_follows_an_incident_and_forgets_it_with_the_incident() {
        IncidentHistory history = new IncidentHistory(2, 8, 8);
        history.add(transition("c/ns/Deployment/w/INSUFFICIENT_GPU", IncidentStatus.RESOLVED, 0, 1));
        history.add(Incident.newBuilder(transition("c/ns/Deployment/w/CRASH_LOOP", IncidentStatus.OPEN, 1, 1))
                .setFollows("c/ns/Deployment/w/INSUFFICIENT_GPU").build());
        assertThat(history.followers("c/ns/Deployment/w/INSUFFICIENT_GPU")).containsExactly("c/ns/Deployment/w/CRASH_LOOP");
        assertThat(history.openNow()).extracting(Incident::getId).containsExactly("c/ns/Deployment/w/CRASH_LOOP");

        history.add(transition("c/ns/Deployment/v/OOM_KILLED", IncidentStatus.OPEN, 2, 1)); // the resolved one goes
        history.add(Incident.newBuilder(transition("c/ns/Deployment/w/CRASH_LOOP", IncidentStatus.RESOLVED, 3, 1))
                .setFollows("c/ns/Deployment/w/INSUFFICIENT_GPU").build());
        history.add(transition("c/ns/Deployment/u/OOM_KILLED", IncidentStatus.OPEN, 4, 1)); // and the crash loop too
        assertThat(history.entry("c/ns/Deployment/w/CRASH_LOOP")).isNull();
        assertThat(history.followers("c/ns/Deployment/w/INSUFFICIENT_GPU")).isEmpty();
        assertThat(history.openNow()).extracting(Incident::getId)
                .containsExactlyInAnyOrder("c/ns/Deployment/v/OOM_KILLED", "c/ns/Deployment/u/OOM_KILLED");
    }

    private static Incident transition(String id, IncidentStatus status, int minute, int evidence) {
        Instant at = T0.plusSeconds(minute * 60L);
        List<Evidence> lines = new java.util.ArrayList<>();
        for (int e = 0; e < evidence; e++) {
            lines.add(Evidence.newBuilder().setTime(at.plusSeconds(e)).setKind("Pod").setName("w-" + minute)
                    .setReason("OOMKilled").setMessage("line " + e).setCount(1).build());
        }
        return Incident.newBuilder().setId(id).setStatus(status).setCategory("OOM_KILLED").setCluster("c")
                .setPhase(dev.incidents.schemas.Phase.RUNTIME).setSeverity(dev.incidents.schemas.Severity.CRITICAL)
                .setNamespace("ns").setTitle("w is OOMKilled").setSummary("").setFirstSeen(T0).setLastSeen(at)
                .setEvidence(lines).build();
    }
}
