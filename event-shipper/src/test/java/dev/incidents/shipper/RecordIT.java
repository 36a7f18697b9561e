package dev.incidents.shipper;

import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.OwnerRef;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.shipper.cli.RecordCommand;
import dev.incidents.shipper.kubeapi.Kubectl;
import dev.incidents.shipper.kubeapi.MockApiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code record} against the kubectl-driven mock: the file reads back through the same readers replay uses. */
class RecordIT {
    @TempDir
    Path tmp;

    @Test
    void recordsOurFormatWithOwnersAndWithoutSecrets() throws Exception {
        try (MockApiServer api = MockApiServer.start(false)) {
            Kubectl kubectl = new Kubectl(api, tmp);
            kubectl.create(ShipperIT.fixture("node.yaml"));
            kubectl.create(ShipperIT.fixture("workload.yaml"));
            kubectl.create(ShipperIT.fixture("event-failed-pull.yaml"));
            Path output = tmp.resolve("recording.jsonl");
            StringWriter err = new StringWriter();

            int exit = new CommandLine(new RecordCommand()).setErr(new PrintWriter(err, true)).execute(
                    "--kubeconfig", api.writeKubeconfig(tmp.resolve("kubeconfig-record")).toString(),
                    "--cluster", "prod-us-east-1", "--output", output.toString(), "--duration", "3s");

            assertThat(exit).as(err.toString()).isZero();
            String text = Files.readString(output);
            assertThat(text.lines().findFirst().orElseThrow()).contains("\"format\":\"incidents-recording\"", "\"cluster\":\"prod-us-east-1\"");
            assertThat(text).doesNotContain("must-never-be-shipped").contains("\"kind\":\"ReplicaSet\"");
            List<String> rejections = new ArrayList<>();
            List<Recorded> read = Recordings.read(List.of(output), new ReadOptions(null, Instant.now()), r -> rejections.add(r.toString()));
            assertThat(rejections).isEmpty();
            PodSnapshot pod = read.stream().filter(r -> r.kind() == Recorded.Kind.POD).map(r -> (PodSnapshot) r.value()).findFirst().orElseThrow();
            assertThat(pod.getCluster()).isEqualTo("prod-us-east-1");
            assertThat(pod.getOwners()).extracting(OwnerRef::getKind).containsExactly("ReplicaSet", "Deployment");
            assertThat(read).filteredOn(r -> r.kind() == Recorded.Kind.EVENT).singleElement()
                    .satisfies(r -> assertThat(((KubeEvent) r.value()).getMessage()).endsWith("no space left on device"));
            assertThat(read).filteredOn(r -> r.kind() == Recorded.Kind.NODE).hasSize(1);
        }
    }
}
