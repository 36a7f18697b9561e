package dev.incidents.analyzer.replay;

import static dev.incidents.analyzer.Kube.podEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.KubeEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayLifecycleTest {

    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    static final String POD = "triton-79569cfbbc-m2wcc";
    static final String NODE = "ip-10-0-1-149.ec2.internal";
    static final String DISK_FULL = "Failed to pull image \"478253497479.dkr.ecr.us-east-1.amazonaws.com/triton:resnet50\": "
            + "failed to pull and unpack image \"478253497479.dkr.ecr.us-east-1.amazonaws.com/triton:resnet50\": "
            + "failed to extract layer: write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/360/fs/x.pdf: "
            + "no space left on device";

    @Test
    void a_single_disk_full_pull_opens_an_incident_at_the_end_of_input() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            KubeEvent failed = podEvent(POD, "Warning", "Failed", DISK_FULL, T0, "uid-1", NODE);
            replay.event(failed, T0);
            assertThat(replay.transitions()).isEmpty();
            Replay.Result result = replay.finish();
            assertThat(result.latest()).hasSize(1);
            Incident incident = result.latest().get(0);
            assertThat(incident.getId()).isEqualTo("test/inference/Deployment/triton/IMAGE_PULL_DISK_FULL");
            assertThat(incident.getStatus()).isEqualTo(IncidentStatus.OPEN);
            assertThat(incident.getNodes()).containsExactly(NODE);
            assertThat(incident.getPods()).containsExactly(POD);
            List<String> commands = incident.getRemediation().stream().flatMap(s -> s.getCommands().stream()).toList();
            assertThat(commands).anyMatch(c -> c.contains("kubectl describe node " + NODE));
            assertThat(commands).anyMatch(c -> c.contains("kubectl delete pod " + POD));
            assertThat(commands).noneMatch(c -> c.contains("{"));
            assertThat(incident.getCauses().get(0).getEvidence()).anyMatch(e -> e.contains("/var/lib/containerd"));
        }
    }
}
