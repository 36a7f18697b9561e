package dev.incidents.shipper;

import dev.incidents.schemas.Container;
import dev.incidents.schemas.ContainerState;
import dev.incidents.schemas.PodSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedStateTest {
    final ShippedState state = new ShippedState();

    @Test
    void theSameContentIsUnchangedAndAnyFieldChangeIsNot() {
        PodSnapshot pending = pod("Pending", 0);
        assertThat(state.changed("c/inference/triton", ShippedState.fingerprint(pending))).isTrue();
        assertThat(state.changed("c/inference/triton", ShippedState.fingerprint(pod("Pending", 0)))).isFalse();
        assertThat(state.changed("c/inference/triton", ShippedState.fingerprint(pod("Pending", 1)))).isTrue();
        assertThat(state.changed("c/inference/other", ShippedState.fingerprint(pod("Pending", 1)))).isTrue();
        assertThat(state.size()).isEqualTo(2);
    }

    @Test
    void aForgottenKeyShipsAgain() {
        long fingerprint = ShippedState.fingerprint(pod("Running", 3));
        state.changed("k", fingerprint);
        state.forget("k");
        assertThat(state.changed("k", fingerprint)).isTrue();
        assertThat(state.size()).isEqualTo(1);
    }

    private static PodSnapshot pod(String phase, int restarts) {
        Container triton = Container.newBuilder().setName("triton").setImage("nvcr.io/nvidia/tritonserver:24.08-py3")
                .setRestartCount(restarts)
                .setState(ContainerState.newBuilder().setKind("waiting").setReason("CrashLoopBackOff").build())
                .build();
        return PodSnapshot.newBuilder().setCluster("c").setNamespace("inference").setName("triton-79569cfbbc-m2wcc")
                .setObservedAt(Instant.parse("2025-03-14T10:00:00Z")).setPhase(phase)
                .setLabels(Map.of("app", "triton")).setContainers(List.of(triton)).build();
    }
}
