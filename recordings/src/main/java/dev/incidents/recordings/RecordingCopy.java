package dev.incidents.recordings;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Copy {@code number} of a base recording in a {@link ScaledRecording}: how it renames what identifies a subject and
 * how far it moves event time. Copies must not share a subject (an incident id is cluster/namespace/workload or
 * cluster/node/name, and the cluster is the header's), so every namespace and node gets the copy's {@code -c<k>}
 * tag and every uid the copy number as its first 8 hex digits.
 *
 * <p>Copy 0 is the base itself, names, uids and times unchanged, so "copy 0 alone" replays exactly like the original
 * recording and its incidents can be compared with the original's. (scale-recording.py renames copy 0 too, to
 * {@code -c0} and uid prefix {@code 00000000}.)
 *
 * @param number the copy number, 0 for the base
 * @param offset how far this copy's event times move, zero for copy 0
 */
public record RecordingCopy(int number, Duration offset) {

    public RecordingCopy {
        if (number < 0) {
            throw new IllegalArgumentException("copy number must be >= 0: " + number);
        }
        if (number == 0 && !offset.isZero()) {
            throw new IllegalArgumentException("copy 0 is the base recording: its offset must be zero, not " + offset);
        }
    }

    /** The base copy: the recording as it is. */
    public static final RecordingCopy BASE = new RecordingCopy(0, Duration.ZERO);

    public boolean isBase() {
        return number == 0;
    }

    /** {@code inference} becomes {@code inference-c3}. */
    public String namespace(String base) {
        return isBase() ? base : base + tag();
    }

    /**
     * The tag goes after the host label, so {@code ip-10-0-1-23.ec2.internal} becomes
     * {@code ip-10-0-1-23-c3.ec2.internal} (what scale-recording.py does for EKS names) and {@code gpu-node-7}
     * becomes {@code gpu-node-7-c3}: still a valid node name, still recognisable.
     */
    public String node(String base) {
        if (isBase()) {
            return base;
        }
        int dot = base.indexOf('.');
        return dot < 0 ? base + tag() : base.substring(0, dot) + tag() + base.substring(dot);
    }

    /** A uid ({@code 8-4-4-4-12} hex) with its first 8 hex digits replaced by the copy number. */
    public String uid(String base) {
        return isBase() ? base : String.format(Locale.ROOT, "%08x", number) + base.substring(8);
    }

    public Instant shift(Instant base) {
        return base.plus(offset);
    }

    private String tag() {
        return "-c" + number;
    }
}
