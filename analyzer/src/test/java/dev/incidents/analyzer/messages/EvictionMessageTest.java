package dev.incidents.analyzer.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.messages.EvictionMessage.Pressure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EvictionMessageTest {

    @Test
    void nodeLowOnDiskWithThreshold() {
        EvictionMessage e = EvictionMessage.parse("The node was low on resource: ephemeral-storage. Threshold quantity: "
                + "10120387530, available: 9845048Ki. Container triton was using 11246480Ki, request is 0, has larger "
                + "consumption of ephemeral-storage. ").orElseThrow();

        assertThat(e.pressure()).isEqualTo(Pressure.DISK);
        assertThat(e.nodePressure()).isTrue();
        assertThat(e.threshold()).contains("10120387530");
        assertThat(e.available()).contains("9845048Ki");
        assertThat(e.container()).contains("triton");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The node was low on resource: memory. Container triton was using 30Gi, which exceeds its request of 16Gi. |MEMORY|true",
        "The node was low on resource: memory. Threshold quantity: 100Mi, available: 72Mi. Container app was using 900Mi, request is 512Mi, has larger consumption of memory. |MEMORY|true",
        "The node was low on resource: pids. |PID|true",
        "The node had condition: [DiskPressure]. |DISK|true",
        "The node was low on resource: [DiskPressure]. |DISK|true",
        "The node was low on resource: [MemoryPressure]. |MEMORY|true",
        "The node had condition: [MemoryPressure]. |MEMORY|true",
        "Attempting to reclaim ephemeral-storage|DISK|true",
        "Attempting to reclaim memory|MEMORY|true",
        "Pod ephemeral local storage usage exceeds the total limit of containers 1Gi. |EPHEMERAL_STORAGE|false",
        "Container triton exceeded its local ephemeral storage limit \"1Gi\". |EPHEMERAL_STORAGE|false",
        "Usage of EmptyDir volume \"cache\" exceeds the limit \"10Gi\". |EPHEMERAL_STORAGE|false",
    })
    void pressures(String message, Pressure pressure, boolean node) {
        EvictionMessage e = EvictionMessage.parse(message).orElseThrow();

        assertThat(e.pressure()).isEqualTo(pressure);
        assertThat(e.nodePressure()).isEqualTo(node);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Preempted by pod 0a1b on node gpu-1", "Stopping container triton", ""})
    void notAPressure(String message) {
        assertThat(EvictionMessage.parse(message)).isEmpty();
    }
}
