package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.recordings.Rejection;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN section 6 item 6: a Troubleshoot support bundle replays like any recording. The bundle under
 * {@code src/test/resources/bundles} is the demo sample's last state in the layout of Troubleshoot's
 * clusterResources collector ({@code make_gpu_inference_outage_bundle.py}); the {@code .tar.gz} is made from it at
 * test time with the system {@code tar}, as people ship bundles, so both forms must give the same records and the
 * same incidents.
 */
class SupportBundleReplayTest {

    static final Path BUNDLE = Path.of("src", "test", "resources", "bundles", "gpu-inference-outage");
    static final ReadOptions OPTIONS = new ReadOptions(null, Instant.parse("2025-03-14T12:00:00Z"));

    @TempDir
    static Path temp;
    static Path archive;

    @BeforeAll
    static void archive() throws IOException, InterruptedException {
        archive = temp.resolve("support-bundle-2025-03-14T10_45_00.tar.gz");
        Process tar = new ProcessBuilder("tar", "czf", archive.toString(), "-C", BUNDLE.getParent().toString(),
                BUNDLE.getFileName().toString()).redirectErrorStream(true).start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(new String(tar.getInputStream().readAllBytes())).isZero();
    }

    static List<Recorded> read(Path path) {
        List<Rejection> rejections = new ArrayList<>();
        List<Recorded> records = Recordings.read(List.of(path), OPTIONS, rejections::add);
        assertThat(rejections).as("a bundle's files read without rejections").isEmpty();
        return records;
    }

    /** Each incident as open (OPEN or UPDATED) or resolved, and its id. */
    static List<String> summary(List<Incident> incidents) {
        return incidents.stream().map(i -> (i.getStatus() == IncidentStatus.RESOLVED ? "resolved " : "open ") + i.getId())
                .sorted().toList();
    }

    @Test
    void directory_and_archive_give_the_same_records() {
        List<Recorded> fromDirectory = read(BUNDLE);
        List<Recorded> fromArchive = read(archive);

        assertThat(fromDirectory).extracting(Recorded::kind).contains(Recorded.Kind.EVENT, Recorded.Kind.POD, Recorded.Kind.NODE);
        assertThat(fromArchive).extracting(Recorded::key).containsExactlyElementsOf(
                fromDirectory.stream().map(Recorded::key).toList());
        assertThat(fromArchive).extracting(r -> r.value() == null ? null : r.value().toString()).containsExactlyElementsOf(
                fromDirectory.stream().map(r -> r.value() == null ? null : r.value().toString()).toList());
        assertThat(fromArchive.get(0).file()).startsWith(archive + "/gpu-inference-outage/cluster-resources/");
    }

    @Test
    void the_bundle_replays_to_the_outage_incidents() {
        Replay.Result fromDirectory = Replay.run(read(BUNDLE), AnalyzerConfig.defaults());
        Replay.Result fromArchive = Replay.run(read(archive), AnalyzerConfig.defaults());

        // the sample's expected incidents (samples/gpu-inference-outage.expect.yaml), from its last state alone
        assertThat(summary(fromDirectory.latest())).containsExactly(
                "open default/genai/Deployment/llm-summarizer/INSUFFICIENT_GPU",
                "open default/inference/Deployment/embedding-worker/OOM_KILLED",
                "open default/inference/Deployment/triton-ensemble/REPLICA_CREATE_FAILED",
                "open default/inference/Deployment/vllm-mistral/PROBE_FAILURE",
                "resolved default/inference/Deployment/triton/IMAGE_PULL_DISK_FULL",
                "resolved default/inference/Deployment/vllm-llama3/IMAGE_PULL_DISK_FULL",
                "resolved default/node/ip-10-0-1-149.ec2.internal/NODE_DISK_PRESSURE");
        assertThat(summary(fromArchive.latest())).isEqualTo(summary(fromDirectory.latest()));
    }

    /**
     * The same last state laid out as OpenShift's must-gather (made from the bundle at test time: each namespace's
     * Lists under {@code namespaces/<ns>/core/} and {@code apps/}, the Nodes under {@code cluster-scoped-resources/}):
     * the same incidents.
     */
    @Test
    void the_same_state_as_a_must_gather_replays_to_the_same_incidents() throws IOException {
        Path image = temp.resolve("must-gather.local.5213").resolve("quay-io-openshift-release-dev-sha256-5b1c");
        Path resources = BUNDLE.resolve("cluster-resources");
        for (String[] place : new String[][] {{"events", "core/events"}, {"pods", "core/pods"},
                {"deployments", "apps/deployments"}, {"replicasets", "apps/replicasets"}, {"jobs", "batch/jobs"}}) {
            try (var files = Files.list(resources.resolve(place[0]))) {
                for (Path file : files.toList()) {
                    String namespace = file.getFileName().toString().replace(".json", "");
                    Path target = image.resolve("namespaces").resolve(namespace).resolve(place[1] + ".yaml");
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
        Path nodes = image.resolve("cluster-scoped-resources/core/nodes/all-nodes.yaml");
        Files.createDirectories(nodes.getParent());
        Files.copy(resources.resolve("nodes.json"), nodes);

        Replay.Result gathered = Replay.run(read(temp.resolve("must-gather.local.5213")), AnalyzerConfig.defaults());

        assertThat(summary(gathered.latest()))
                .isEqualTo(summary(Replay.run(read(BUNDLE), AnalyzerConfig.defaults()).latest()))
                .hasSize(7);
    }

    @Test
    void replay_takes_the_archive_on_its_command_line() {
        ReplayCommandTest.Run run = ReplayCommandTest.run("--output", "jsonl", "--cluster", "prod-us-east-1",
                "--now", "2025-03-14T12:00:00Z", archive.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(7).anyMatch(l -> l.startsWith(
                "{\"id\":\"prod-us-east-1/inference/Deployment/triton/IMAGE_PULL_DISK_FULL\""));
    }
}
