package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.fixtures.SampleRecords;
import dev.incidents.schemas.serde.AvroSerde;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class LatestIncidentsTest {

    private static final String TOPIC = "k8s.incidents";
    private final Serde<Incident> serde = AvroSerde.of(Incident.class, Map.of());

    private Incident incident(String id, int firstSeenOffset, IncidentStatus status, int occurrence) {
        Incident base = SampleRecords.diskFullIncident();
        return Incident.newBuilder(base)
                .setId(id)
                .setStatus(status)
                .setOccurrence(occurrence)
                .setFirstSeen(base.getFirstSeen().plusSeconds(firstSeenOffset))
                .build();
    }

    private void put(LatestIncidents latest, Incident incident) {
        latest.put(incident, serde.serializer().serialize(TOPIC, incident));
    }

    @Test
    void each_incident_is_read_back_as_its_latest_bytes_in_first_seen_then_id_order_as_often_as_asked() {
        LatestIncidents latest = new LatestIncidents(serde.deserializer(), TOPIC);
        Incident later = incident("b", 60, IncidentStatus.OPEN, 1);
        Incident tieB = incident("tie-b", 0, IncidentStatus.OPEN, 1);
        Incident tieA = incident("tie-a", 0, IncidentStatus.OPEN, 1);
        put(latest, later);
        put(latest, tieB);
        put(latest, tieA);
        Incident laterResolved = incident("b", 60, IncidentStatus.RESOLVED, 1);
        Incident laterReopened = incident("b", 60, IncidentStatus.OPEN, 2);
        put(latest, laterResolved);
        put(latest, laterReopened);

        assertThat(latest.size()).isEqualTo(3);
        assertThat(latest.list()).containsExactly(tieA, tieB, laterReopened);
        // read again: the scratch file is read by position, not consumed
        assertThat(latest.list()).containsExactly(tieA, tieB, laterReopened);
    }

    @Test
    void a_replay_that_emitted_nothing_lists_nothing() {
        LatestIncidents latest = new LatestIncidents(serde.deserializer(), TOPIC);
        assertThat(latest.size()).isZero();
        assertThat(latest.list()).isEqualTo(List.of());
    }
}
