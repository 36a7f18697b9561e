package dev.incidents.analyzer.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.analyzer.notify.RecordingHttpServer.Answer;
import dev.incidents.schemas.Incident;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The re-assertion and backlog rules, against a local server (the real Alertmanager is in {@link AlertmanagerIT}). */
class AlertmanagerTest {
    static final Instant NOW = Instant.parse("2026-12-02T14:00:00Z");

    @Test
    void reasserts_the_open_set_at_start_and_skips_transitions_older_than_what_was_known() throws Exception {
        try (RecordingHttpServer am = new RecordingHttpServer(r -> Answer.of(200, ""))) {
            Alertmanager destination = new Alertmanager(am.url("/"), Duration.ofMinutes(1), null,
                    new HttpPost(Clock.systemUTC()), Clock.fixed(NOW, ZoneOffset.UTC));
            Map<String, Incident> latest = new LinkedHashMap<>();
            Transitions.demo().stream().map(Transition::parse).forEach(t -> latest.put(t.id(), t.incident()));
            destination.seed(latest.values());

            destination.tick(NOW);
            JsonNode reasserted = new ObjectMapper().readTree(am.requests("/api/v2/alerts").get(0).body());
            assertThat(reasserted).hasSize(4);
            destination.tick(NOW.plusSeconds(30));
            assertThat(am.requests()).hasSize(1);

            // the OPEN of an incident that has resolved since: not posted, it would fire again for a moment
            destination.deliver(Transitions.demo(0), null);
            assertThat(am.requests()).hasSize(1);
            // the transition the topic ends with: posted (idempotent by labels)
            destination.deliver(Transitions.demo("PROBE_FAILURE", "OPEN"), null);
            assertThat(am.requests()).hasSize(2);
            destination.tick(NOW.plusSeconds(60));
            assertThat(am.requests()).hasSize(3);
            assertThat(new ObjectMapper().readTree(am.requests().get(2).body()).get(0).path("endsAt").asText())
                    .isEqualTo("2026-12-02T14:05:00Z");
            assertThat(List.of(destination.isOpen(Transitions.demo(0).id()), destination.isOpen(Transitions.demo("PROBE_FAILURE", "OPEN").id())))
                    .containsExactly(false, true);
        }
    }
}
