package dev.incidents.recordings;

import dev.incidents.schemas.PodSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A pod's status lines pasted alone: the kubelet's rejection of a pod it was assigned is in them. */
class PodStatusFragmentTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2025-01-01T00:00:00Z"));

    private final List<Rejection> rejections = new ArrayList<>();

    private PodSnapshot onlyPod(String text) {
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).hasSize(1);
        return (PodSnapshot) records.get(0).value();
    }

    /** kubernetes#97131: Reason and Message of a pod the device manager refused, the Status line not pasted. */
    @Test
    void reasonAndMessageWithoutStatus() {
        PodSnapshot pod = onlyPod("""
                Reason:         UnexpectedAdmissionError
                Message:        Pod Allocate failed due to device plugin GetPreferredAllocation rpc failed with err: rpc error: code = Unknown desc = Unable to retrieve list of available devices: error creating nvml.Device 5: nvml: GPU is lost, which is unexpected
                """);

        assertThat(pod.getName()).isEqualTo(DescribePod.UNNAMED_POD);
        assertThat(pod.getReason()).isEqualTo("UnexpectedAdmissionError");
        assertThat(pod.getMessage()).endsWith("nvml: GPU is lost, which is unexpected");
        assertThat(pod.getPhase()).isNull();
    }

    /** kubernetes#130145: the same with its Status line. */
    @Test
    void statusReasonAndMessage() {
        PodSnapshot pod = onlyPod("""
                Status:              Failed
                Reason:            UnexpectedAdmissionError
                Message:         Pod Allocate failed due to requested number of devices unavailable for nvidia.com/gpu. Requested:1, Available: 0, which is unexpected
                """);

        assertThat(pod.getPhase()).isEqualTo("Failed");
        assertThat(pod.getReason()).isEqualTo("UnexpectedAdmissionError");
    }
}
