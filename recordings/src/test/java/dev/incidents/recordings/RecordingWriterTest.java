package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.incidents.recordings.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingWriterTest {
    private static final Instant START = Instant.parse("2025-03-14T10:00:00Z");

    @Test
    void writesTheHeaderThenOneLinePerChangeAndReadsBackTheSameRecords() {
        StringWriter text = new StringWriter();
        RecordingWriter writer = new RecordingWriter(text, "prod-us-east-1", START);
        JsonNode pod = json("objects/pod-image-pull-backoff.json");
        JsonNode event = json("objects/event-core-v1-failed-pull.json");
        JsonNode node = json("objects/node-gpu.json");
        writer.write(START.plusSeconds(1), "ADDED", node);
        writer.write(START.plusSeconds(2), "MODIFIED", pod);
        writer.write(START.plusSeconds(3), "ADDED", event);
        writer.write(START.plusSeconds(4), "DELETED", pod);

        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo(
                "{\"format\":\"incidents-recording\",\"version\":1,\"cluster\":\"prod-us-east-1\",\"startedAt\":\"2025-03-14T10:00:00Z\"}");
        assertThat(lines.get(2)).startsWith("{\"time\":\"2025-03-14T10:00:02Z\",\"type\":\"MODIFIED\",\"object\":{");

        List<Rejection> rejections = new ArrayList<>();
        List<Recorded> records = Recordings.read("rec.jsonl", text.toString(), new ReadOptions(null, START), rejections::add);
        assertThat(rejections).isEmpty();
        // the event's own lastTimestamp (10:02:08) wins over its line's time, so it sorts after the tombstone
        assertThat(records).extracting(r -> r.kind() + " " + r.key() + (r.isTombstone() ? " tombstone" : ""))
                .containsExactly("NODE prod-us-east-1/ip-10-0-1-149.ec2.internal",
                        "POD prod-us-east-1/inference/triton-79569cfbbc-m2wcc",
                        "POD prod-us-east-1/inference/triton-79569cfbbc-m2wcc tombstone",
                        "EVENT prod-us-east-1/inference/Pod/triton-79569cfbbc-m2wcc");
        // written and re-read, the pod maps to the same record as the original object at the same time (compared as
        // JSON trees: read back, it is decoded from Avro binary, whose maps keep no order and whose generated equals
        // cannot compare timestamps nested in arrays)
        assertThat(Fixtures.parse(records.get(1).value().toString())).isEqualTo(Fixtures.parse(
                KubeObjects.pod(pod, "prod-us-east-1", OwnerLookup.NONE, START.plusSeconds(2)).toString()));
    }

    @Test
    void neverStoresManagedFieldsLastAppliedEnvValuesOrSecretData() {
        ObjectNode pod = (ObjectNode) json("objects/pod-image-pull-backoff.json");
        ((ObjectNode) pod.get("metadata").get("annotations")).put(RecordingWriter.LAST_APPLIED, "{\"kind\":\"Pod\",\"spec\":\"...\"}");
        JsonNode replicaSet = Fixtures.parse("""
                {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"rs"},
                 "spec":{"template":{"spec":{"containers":[{"name":"a","env":[{"name":"PASSWORD","value":"hunter2"}]}]}}}}""");
        JsonNode secret = Fixtures.parse("""
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"token":"aHVudGVyMg=="},"stringData":{"x":"hunter2"}}""");

        StringWriter text = new StringWriter();
        RecordingWriter writer = new RecordingWriter(text, "c", START);
        writer.write(START, "ADDED", pod);
        writer.write(START, "ADDED", replicaSet);
        writer.write(START, "ADDED", secret);

        assertThat(text.toString()).doesNotContain("managedFields", "last-applied-configuration", "wJalrXUtnFEMI",
                "hunter2", "aHVudGVyMg==").contains("AWS_SECRET_ACCESS_KEY", "secretKeyRef", "restartedAt");
        // the caller's object is left as it was
        assertThat(pod.get("metadata").has("managedFields")).isTrue();
    }

    @Test
    void rejectsUnknownWatchTypes() {
        RecordingWriter writer = new RecordingWriter(new StringWriter(), "c", START);
        assertThatThrownBy(() -> writer.write(START, "BOOKMARK", json("objects/node-gpu.json")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
