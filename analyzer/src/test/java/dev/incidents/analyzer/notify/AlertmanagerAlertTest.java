package dev.incidents.analyzer.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertmanagerAlertTest {
    static final Instant NOW = Instant.parse("2026-12-02T14:00:00Z");

    @Test
    void labels_identify_and_route_annotations_describe() {
        ObjectNode alert = AlertmanagerAlert.render(Transitions.demo(0).incident(), NOW, NOW.plusSeconds(240),
                "https://runbooks.example/{category_lower}");

        assertThat(alert.path("labels").toString()).isEqualTo("{\"alertname\":\"IMAGE_PULL_DISK_FULL\","
                + "\"severity\":\"critical\",\"cluster\":\"prod-us-east-1\",\"namespace\":\"inference\","
                + "\"workload\":\"Deployment/triton\",\"incident_id\":\"prod-us-east-1/inference/Deployment/triton/IMAGE_PULL_DISK_FULL\"}");
        assertThat(alert.path("annotations").path("summary").asText())
                .isEqualTo("Image pull for triton fails: no space left on ip-10-0-1-149.ec2.internal");
        assertThat(alert.path("annotations").path("commands").asText()).isEqualTo(
                "kubectl describe node ip-10-0-1-149.ec2.internal\nsudo du -sh /var/lib/containerd\ndf -hT | grep containerd");
        assertThat(alert.path("annotations").path("runbook_url").asText()).isEqualTo("https://runbooks.example/image_pull_disk_full");
        assertThat(alert.path("startsAt").asText()).isEqualTo("2025-03-14T10:03:08Z");
        assertThat(alert.path("endsAt").asText()).isEqualTo("2026-12-02T14:04:00Z");
    }

    @Test
    void a_node_incident_has_a_node_label_and_resolved_ends_at_its_last_evidence() {
        ObjectNode alert = AlertmanagerAlert.render(Transitions.demo(7).incident(), NOW, NOW.plusSeconds(240), null);

        assertThat(alert.path("labels").path("node").asText()).isEqualTo("ip-10-0-1-149.ec2.internal");
        assertThat(alert.path("labels").has("namespace")).isFalse();
        assertThat(alert.path("labels").has("workload")).isFalse();
        assertThat(alert.path("annotations").has("runbook_url")).isFalse();
        assertThat(alert.path("endsAt").asText()).isEqualTo("2025-03-14T10:26:45Z");
    }

    @Test
    void hostile_annotations_are_neutralised_for_whatever_receiver_renders_them() {
        ObjectNode alert = AlertmanagerAlert.render(Transitions.hostile().incident(), NOW, NOW.plusSeconds(240), null);

        alert.path("annotations").forEach(a -> assertThat(a.asText())
                .doesNotContain("<", ">", "https://", "](", "![")
                .doesNotContainIgnoringCase("@channel").doesNotContainIgnoringCase("@here")
                .hasSizeLessThanOrEqualTo(1000));
    }
}
