package dev.incidents.analyzer.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.Kube;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalFrameTest {

    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    static final String TOPIC = "signals-by-subject";

    private static NodeObserved node() {
        return NodeObserved.of(Kube.node("ip-10-0-1-149.ec2.internal", T0, Map.of("nvidia.com/gpu", "4")));
    }

    /** In one stage the input stage's signal reaches the correlator as it is: not encoded and decoded on the way. */
    @Test
    void a_signal_handed_on_in_one_stage_is_the_routed_object_itself() {
        NodeObserved signal = node();

        SignalFrame frame = SignalFrame.of(2, signal);

        assertThat(frame.signal()).isSameAs(signal);
        assertThat(frame.inputPartition()).isEqualTo(2);
        assertThat(frame.isWatermark()).isFalse();
    }

    /** Live, the topic holds the frames of SignalFrames, byte for byte, and a frame read back decodes equal. */
    @Test
    void on_the_topic_a_frame_is_the_bytes_signal_frames_writes() {
        NodeObserved signal = node();
        byte[] written = SignalFrame.SERDE.serializer().serialize(TOPIC, SignalFrame.of(2, signal));

        assertThat(written).isEqualTo(SignalFrames.signal(2, signal));
        SignalFrame read = SignalFrame.SERDE.deserializer().deserialize(TOPIC, written);
        assertThat(read.inputPartition()).isEqualTo(2);
        assertThat(read.signal()).isEqualTo(signal);
        // a frame read from the topic goes on as those bytes (the reorder buffer's changelog), not encoded again
        assertThat(read.bytes()).isSameAs(written);
    }

    @Test
    void watermarks_cross_the_topic_with_their_partition_and_time() {
        byte[] written = SignalFrame.SERDE.serializer().serialize(TOPIC, SignalFrame.watermark(1, 5_000));

        assertThat(written).isEqualTo(SignalFrames.watermark(1, 5_000));
        SignalFrame read = SignalFrame.SERDE.deserializer().deserialize(TOPIC, written);
        assertThat(read.isWatermark()).isTrue();
        assertThat(read.inputPartition()).isEqualTo(1);
        assertThat(read.watermarkTime()).isEqualTo(5_000);
        assertThat(SignalFrame.read(SignalFrames.watermark(0, SignalFrames.NO_DATA)).watermarkTime())
                .isEqualTo(SignalFrames.NO_DATA);
    }
}
