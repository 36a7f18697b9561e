package dev.incidents.recordings;

import java.time.Duration;

/**
 * Where the copies of a {@link ScaledRecording} sit in event time: copy k starts {@code k * shift} after the base,
 * plus, when asked, a jitter of 0 to {@code jitter} (whole milliseconds, the precision records keep, see
 * {@link KubeTime}) drawn from {@code seed} and k alone. So copy k is at the same place whatever the number of
 * copies or the copies emitted, and zero jitter is scale-recording.py's layout whatever the seed. Copy 0 never
 * moves: it is the base.
 *
 * @param copies how many copies, the base included
 * @param shift  the distance between two consecutive copies
 * @param seed   chooses the jitter; without jitter it changes nothing
 * @param jitter the largest extra offset of one copy; zero for none
 */
public record CopyLayout(int copies, Duration shift, long seed, Duration jitter) {

    /** scale-recording.py's default distance between copies. */
    public static final Duration DEFAULT_SHIFT = Duration.ofSeconds(3);

    public CopyLayout {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be >= 1: " + copies);
        }
        if (shift.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("shift and jitter must not be negative: " + shift + ", " + jitter);
        }
    }

    /** Copies {@code shift} apart, no jitter: scale-recording.py's layout. */
    public static CopyLayout evenlySpaced(int copies, Duration shift) {
        return new CopyLayout(copies, shift, 0, Duration.ZERO);
    }

    public CopyLayout withJitter(long seed, Duration jitter) {
        return new CopyLayout(copies, shift, seed, jitter);
    }

    /** Copy {@code number} with its offset. */
    public RecordingCopy copy(int number) {
        if (number < 0 || number >= copies) {
            throw new IllegalArgumentException("no copy " + number + " in a layout of " + copies + " copies");
        }
        if (number == 0) {
            return RecordingCopy.BASE;
        }
        return new RecordingCopy(number, shift.multipliedBy(number).plusMillis(jitterMillis(number)));
    }

    private long jitterMillis(int number) {
        long bound = jitter.toMillis();
        return bound == 0 ? 0 : Math.floorMod(splitMix64(seed + number * GOLDEN_GAMMA), bound + 1);
    }

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    /**
     * SplitMix64's finaliser, written out rather than taken from {@code SplittableRandom}, whose sequence the JDK
     * does not promise to keep: a seed must give the same recording on every JDK.
     */
    private static long splitMix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
