package dev.incidents.analyzer.signal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Values of the internal {@code signals-by-subject} topic. Every frame starts with the input partition it was read
 * from, because the correlator's clock is the slowest of those partitions:
 * <pre>
 *   signal:    int inputPartition | SignalSerde bytes (tag E, P, D, N, X, then the record)
 *   watermark: int inputPartition | 'W' | long eventTimeMillis
 * </pre>
 * A watermark says "this input partition has nothing older than this event time left to send" (minus the lateness
 * bound); {@link #NO_DATA} says the partition has never had a record, so no one should wait for it.
 */
public final class SignalFrames {

    /** Key of watermark frames; subject keys start with a cluster name, never with NUL. */
    public static final String WATERMARK_KEY = "\u0000watermark";
    /** A watermark from an input partition that has never held a record. */
    public static final long NO_DATA = Long.MIN_VALUE;

    private static final byte WATERMARK = 'W';

    private SignalFrames() {
    }

    public static byte[] signal(int inputPartition, Signal signal) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(4 + SignalSerde.INITIAL_SIZE);
        frame.write(inputPartition >>> 24);
        frame.write(inputPartition >>> 16);
        frame.write(inputPartition >>> 8);
        frame.write(inputPartition);
        SignalSerde.encode(signal, frame);
        return frame.toByteArray();
    }

    public static byte[] watermark(int inputPartition, long time) {
        return ByteBuffer.allocate(13).putInt(inputPartition).put(WATERMARK).putLong(time).array();
    }

    public static int inputPartition(byte[] frame) {
        check(frame);
        return ByteBuffer.wrap(frame).getInt();
    }

    public static boolean isWatermark(byte[] frame) {
        check(frame);
        return frame[4] == WATERMARK;
    }

    public static long watermarkTime(byte[] frame) {
        return ByteBuffer.wrap(frame, 5, 8).getLong();
    }

    public static Signal signal(byte[] frame) {
        check(frame);
        return SignalSerde.decode(frame, 4);
    }

    private static void check(byte[] frame) {
        if (frame.length < 5) {
            throw new SerializationException("signal frame of " + frame.length + " bytes");
        }
    }
}
