package dev.incidents.analyzer.correlate;

import static dev.incidents.analyzer.Kube.podEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.IncidentTopology;
import dev.incidents.analyzer.replay.Replay;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.Phase;
import dev.incidents.schemas.Severity;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * Replay keeps a resolved incident by what re-opening and the purge read of it; what it emits, and the occurrence a
 * re-opening gets, are the same as with the whole incident kept.
 */
class ResolvedIncidentTest {

    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    static final String POD = "triton-79569cfbbc-m2wcc";
    static final String NODE = "ip-10-0-1-149.ec2.internal";
    static final String ID = "test/inference/Deployment/triton/IMAGE_PULL_DISK_FULL";
    static final String DISK_FULL = "Failed to pull image \"triton:resnet50\": failed to pull and unpack image "
            + "\"triton:resnet50\": failed to extract layer: write /var/lib/containerd/x.pdf: no space left on device";

    static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void replay_stores_a_resolved_incident_compact_emits_it_whole_and_numbers_the_reopening_from_it() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            KeyValueStore<String, Incident> store = replay.driver().getKeyValueStore(IncidentTopology.INCIDENTS_STORE);
            KubeEvent failed = podEvent(POD, "Warning", "Failed", DISK_FULL, T0, "a-1", NODE);
            replay.event(failed, T0);
            replay.event(KubeEvent.newBuilder(failed).setCount(2).setLastTimestamp(at(60)).build(), at(60));
            replay.event(podEvent(POD, "Normal", "Pulled", "Successfully pulled image \"triton:resnet50\" in 2m1s",
                    at(180), "p-1", NODE), at(180));
            replay.event(podEvent(POD, "Normal", "Pulling", "Pulling image \"x\"", at(300), "q-1", NODE), at(300));

            List<Incident> resolvedFirst = replay.transitions();
            assertThat(resolvedFirst).extracting(Incident::getStatus)
                    .containsExactly(IncidentStatus.OPEN, IncidentStatus.RESOLVED);
            Incident emitted = resolvedFirst.get(1);
            Incident kept = store.get(ID);
            assertThat(emitted.getText()).isNotEmpty();
            assertThat(emitted.getEvidence()).isNotEmpty();
            assertThat(kept).isEqualTo(ResolvedIncident.compact(emitted));
            assertThat(kept.getText()).isEmpty();
            assertThat(kept.getEvidence()).isEmpty();

            replay.event(podEvent(POD, "Warning", "Failed", DISK_FULL, at(1800), "a-2", NODE), at(1800));
            List<Incident> t = replay.finish().transitions();
            assertThat(t).extracting(Incident::getStatus)
                    .containsExactly(IncidentStatus.OPEN, IncidentStatus.RESOLVED, IncidentStatus.OPEN);
            assertThat(t.get(2).getOccurrence()).isEqualTo(2);
            assertThat(store.get(ID)).isEqualTo(t.get(2)); // open again: whole
        }
    }

    @Test
    void the_compact_form_keeps_what_later_transitions_read_and_leaves_out_the_rendered_parts() {
        Incident whole = Incident.newBuilder()
                .setId(ID).setOccurrence(3).setStatus(IncidentStatus.RESOLVED).setCategory("IMAGE_PULL_DISK_FULL")
                .setPhase(Phase.STARTUP).setSeverity(Severity.CRITICAL).setCluster("test").setNamespace("inference").setPods(List.of(POD)).setNodes(List.of(NODE))
                .setAffectedWorkloads(List.of()).setCauses(List.of()).setEvidence(List.of()).setRemediation(List.of())
                .setTitle("Image pulls fail: disk full").setSummary("…").setText("**Image pulls fail**")
                .setFirstSeen(T0).setLastSeen(at(60)).setSignalCount(7).setResolution("recovered: Pulled")
                .build();

        Incident compact = ResolvedIncident.compact(whole);

        assertThat(compact).extracting(Incident::getId, Incident::getOccurrence, Incident::getStatus,
                        Incident::getCategory, Incident::getFirstSeen, Incident::getLastSeen, Incident::getResolution)
                .containsExactly(ID, 3, IncidentStatus.RESOLVED, "IMAGE_PULL_DISK_FULL", T0, at(60), "recovered: Pulled");
        assertThat(compact.getPods()).isEmpty();
        assertThat(compact.getText()).isEmpty();
        assertThat(whole.getText()).as("the emitted incident is not touched").isEqualTo("**Image pulls fail**");
        assertThatThrownBy(() -> ResolvedIncident.compact(Incident.newBuilder(whole).setStatus(IncidentStatus.OPEN).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
