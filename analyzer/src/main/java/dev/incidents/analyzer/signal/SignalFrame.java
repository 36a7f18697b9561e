package dev.incidents.analyzer.signal;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One value of {@code signals-by-subject} (a signal or a watermark from one input partition) as the processors pass
 * it on: its {@link SignalFrames} bytes, its signal, or both, the one missing made from the other when first asked for.
 *
 * <p>Why: live, a frame crosses the topic as bytes and waits in the correlator's changelogged reorder buffer as bytes,
 * so one read from the topic is decoded only when the correlator takes its signal, as before. In one stage ({@code
 * IncidentTopology.oneStage}: replay) the input stage hands its frames straight to the correlator, and encoding every
 * signal there only to decode it a moment later was 8 % of a fleet replay: the signal is passed on as it is, never
 * encoded. The correlator reads the same values either way (a signal's records are never modified after routing, and
 * the codec writes them whole); only the collections holding them may be of other classes than the decoder's.
 */
public final class SignalFrame {

    /** The topic's serde: the bytes of {@link SignalFrames}, unchanged; a frame read stays bytes until its signal is asked for. */
    public static final Serde<SignalFrame> SERDE = Serdes.serdeFrom(
            (Serializer<SignalFrame>) (topic, frame) -> frame == null ? null : frame.bytes(),
            (Deserializer<SignalFrame>) (topic, bytes) -> bytes == null ? null : read(bytes));

    private final int inputPartition;
    private final boolean watermark;
    private byte[] bytes;
    private Signal signal;

    private SignalFrame(int inputPartition, boolean watermark, byte[] bytes, Signal signal) {
        this.inputPartition = inputPartition;
        this.watermark = watermark;
        this.bytes = bytes;
        this.signal = signal;
    }

    /** A signal routed from {@code inputPartition}, not encoded until its bytes are asked for. */
    public static SignalFrame of(int inputPartition, Signal signal) {
        return new SignalFrame(inputPartition, false, null, signal);
    }

    /** {@link SignalFrames#watermark}, as a frame. */
    public static SignalFrame watermark(int inputPartition, long time) {
        return new SignalFrame(inputPartition, true, SignalFrames.watermark(inputPartition, time), null);
    }

    /** A frame as the topic holds it, not decoded until its signal is asked for. */
    public static SignalFrame read(byte[] bytes) {
        return new SignalFrame(SignalFrames.inputPartition(bytes), SignalFrames.isWatermark(bytes), bytes, null);
    }

    public int inputPartition() {
        return inputPartition;
    }

    public boolean isWatermark() {
        return watermark;
    }

    /** A watermark's event time ({@link SignalFrames#NO_DATA}: the partition never had a record). */
    public long watermarkTime() {
        if (!watermark) {
            throw new IllegalStateException("not a watermark");
        }
        return SignalFrames.watermarkTime(bytes);
    }

    /** A signal frame's signal, decoded from its bytes once. */
    public Signal signal() {
        if (watermark) {
            throw new IllegalStateException("a watermark has no signal");
        }
        if (signal == null) {
            signal = SignalFrames.signal(bytes);
        }
        return signal;
    }

    /** The frame's bytes, as {@link SignalFrames} writes them, encoded once. */
    public byte[] bytes() {
        if (bytes == null) {
            bytes = SignalFrames.signal(inputPartition, signal);
        }
        return bytes;
    }
}
