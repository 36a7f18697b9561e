package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.IncidentStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * kserve#4462: a claim that names its volume, a PersistentVolume created without the claim's StorageClass; the volume
 * controller refuses the pair over and over ({@code VolumeMismatch}). The claim's PVC_UNBOUND, the mismatch its cause.
 */
class VolumeMismatchReplayTest {

    static final Instant T0 = Instant.parse("2025-05-12T10:00:00Z");
    static final String CLAIM = "meta-llama3-8b-instruct-hf-workers";

    @Test
    void a_claim_its_named_volume_does_not_fit_is_unbound() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(Kube.event("inference", "PersistentVolumeClaim", CLAIM, "Warning", "VolumeMismatch",
                    "Cannot bind to requested volume \"" + CLAIM + "-download\": storageClassName does not match",
                    T0, T0.plusSeconds(374), 26, "vm-1", null), T0.plusSeconds(374));
            assertThat(replay.finish().latest()).singleElement().satisfies(i -> {
                assertThat(i.getId()).isEqualTo("test/inference/PersistentVolumeClaim/" + CLAIM + "/PVC_UNBOUND");
                assertThat(i.getStatus()).isEqualTo(IncidentStatus.OPEN);
                assertThat(i.getCauses().get(0).getId()).isEqualTo("VOLUME_MISMATCH");
            });
        }
    }
}
