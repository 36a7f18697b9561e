package dev.incidents.analyzer.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class CloudEventTest {

    @Test
    void a_transition_is_a_structured_cloudevent_with_the_incident_json_as_data() throws Exception {
        Transition t = Transitions.demo(7);
        ObjectNode event = CloudEvent.render(t, "/incidents/notify");

        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("id").asText()).isEqualTo(
                "prod-us-east-1/node/ip-10-0-1-149.ec2.internal/NODE_DISK_PRESSURE#1/RESOLVED/2025-03-14T10:26:45Z");
        assertThat(event.path("source").asText()).isEqualTo("/incidents/notify");
        assertThat(event.path("type").asText()).isEqualTo("dev.incidents.incident.resolved");
        assertThat(event.path("subject").asText()).isEqualTo(t.id());
        assertThat(event.path("time").asText()).isEqualTo("2025-03-14T10:26:45Z");
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.path("data")).isEqualTo(new ObjectMapper().readTree(t.json()));
    }

    @Test
    void the_same_transition_redelivered_has_the_same_id_and_hostile_strings_stay_data() throws Exception {
        Transition t = Transitions.hostile();
        String wire = CloudEvent.render(t, "/x").toString();

        assertThat(CloudEvent.render(t, "/x").path("id")).isEqualTo(CloudEvent.render(t, "/x").path("id"));
        // JSON encoding keeps it data: read back, the title is the analyzer's, byte for byte
        assertThat(new ObjectMapper().readTree(wire).path("data").path("title").asText())
                .isEqualTo(t.incident().getTitle());
    }
}
