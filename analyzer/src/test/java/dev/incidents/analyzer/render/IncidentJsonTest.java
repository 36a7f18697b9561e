package dev.incidents.analyzer.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.schemas.AffectedWorkload;
import dev.incidents.schemas.Incident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentJsonTest {

    @Test
    void fieldsInTheOrderOfDesignSection5WithAffectedWorkloadsAfterNodes() throws Exception {
        JsonNode json = new ObjectMapper().readTree(IncidentJson.toJson(SeedIncidents.seed001()));

        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "occurrence", "status", "category", "phase", "severity", "cluster",
                "namespace", "workload", "pods", "nodes", "affectedWorkloads", "title", "summary", "causes", "evidence",
                "remediation", "firstSeen", "lastSeen", "signalCount", "follows", "resolution", "text");
        assertThat(json.get("workload").toString()).isEqualTo("{\"kind\":\"Deployment\",\"name\":\"triton\"}");
        assertThat(json.get("causes").get(0).toString()).startsWith("{\"id\":\"ROOT_VOLUME_TOO_SMALL\",\"cause\":").contains("\"confidence\":0.8,");
        assertThat(json.get("evidence").get(0).toString()).isEqualTo("{\"time\":\"2025-06-01T10:01:59Z\","
                + "\"kind\":\"Pod\",\"name\":\"triton-79569cfbbc-m2wcc\",\"reason\":\"Failed\",\"message\":"
                + "\"Failed to pull image \\\"" + SeedIncidents.IMAGE + "\\\": ... no space left on device\",\"count\":1}");
        assertThat(json.get("remediation").get(0).get("commands").get(0).asText())
                .isEqualTo("kubectl describe node ip-10-0-1-149.ec2.internal");
        assertThat(json.get("follows").isNull()).isTrue();
        assertThat(json.get("resolution").isNull()).isTrue();
    }

    @Test
    void timesAreUtcWithMillisecondsOnlyWhenNonZero() throws Exception {
        JsonNode json = new ObjectMapper().readTree(IncidentJson.toJson(SeedIncidents.seed001()));

        assertThat(json.get("firstSeen").asText()).isEqualTo("2025-06-01T10:01:59Z");
        assertThat(json.get("lastSeen").asText()).isEqualTo("2025-06-01T10:02:00.250Z");
        assertThat(IncidentJson.time(Instant.parse("2025-06-01T10:00:00.123456789Z")))
                .isEqualTo("2025-06-01T10:00:00.123Z");
    }

    @Test
    void sameIncidentSameBytes() {
        assertThat(IncidentJson.toJson(SeedIncidents.seed001())).isEqualTo(IncidentJson.toJson(SeedIncidents.seed001()));
        assertThat(IncidentJson.toJson(SeedIncidents.seed001())).doesNotContain("\n").startsWith(
                "{\"id\":\"prod-us-east-1/inference/Deployment/triton/IMAGE_PULL_DISK_FULL\",\"occurrence\":1,"
                        + "\"status\":\"OPEN\",\"category\":\"IMAGE_PULL_DISK_FULL\",\"phase\":\"STARTUP\","
                        + "\"severity\":\"CRITICAL\",\"cluster\":\"prod-us-east-1\",\"namespace\":\"inference\",");
    }

    @Test
    void roundTrip() {
        Incident original = SeedIncidents.seed001();
        original.setFollows("prod-us-east-1/inference/Deployment/triton/INSUFFICIENT_GPU");
        original.setResolution("recovery observed: Pulled");
        original.setText("[OPEN] ...");
        original.setAffectedWorkloads(new ArrayList<>(List.of(AffectedWorkload.newBuilder()
                .setNamespace("inference").setKind("Deployment").setName("triton").build())));

        Incident read = IncidentJson.fromJson(IncidentJson.toJson(original));

        assertThat(read).isEqualTo(original);
    }

    @Test
    void nodeIncidentWithoutWorkloadOrNamespace() {
        Incident node = SeedIncidents.seed001();
        node.setId("prod-us-east-1/node/" + SeedIncidents.NODE + "/NODE_DISK_PRESSURE");
        node.setNamespace(null);
        node.setWorkload(null);

        String json = IncidentJson.toJson(node);

        assertThat(json).contains("\"namespace\":null,\"workload\":null,");
        assertThat(IncidentJson.fromJson(json)).isEqualTo(node);
    }

    @Test
    void unknownFieldsAreIgnoredAndGarbageIsRejected() {
        String json = IncidentJson.toJson(SeedIncidents.seed001());
        String newer = json.substring(0, json.length() - 1) + ",\"addedLater\":{\"x\":1}}";

        assertThat(IncidentJson.fromJson(newer)).isEqualTo(SeedIncidents.seed001());
        assertThatThrownBy(() -> IncidentJson.fromJson("{\"id\":\"x\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> IncidentJson.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
