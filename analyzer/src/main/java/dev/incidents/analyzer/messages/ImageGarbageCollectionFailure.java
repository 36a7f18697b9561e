package dev.incidents.analyzer.messages;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kubelet could not free enough image space: {@code FreeDiskSpaceFailed} / {@code ImageGCFailed} node events,
 * e.g. {@code Failed to garbage collect required amount of images. Attempted to free 4294967296 bytes, but only found 0
 * bytes eligible to free.} (lower-case {@code failed} before 1.28), or the older {@code wanted to free 10737418240 bytes,
 * but freed 0 bytes space with errors in image deletion: ...}. "0 bytes eligible" means every image on the node is in
 * use: pruning will not help, the disk is too small for the workloads placed there (seed 001's lesson).
 *
 * @param wantedBytes what the kubelet needed to free to get under its high threshold
 * @param freedBytes  what it could free (or found eligible)
 * @param raw         the message verbatim
 */
public record ImageGarbageCollectionFailure(OptionalLong wantedBytes, OptionalLong freedBytes, String raw) {

    private static final Pattern ATTEMPTED = Pattern.compile(
            "[Aa]ttempted to free (\\d+) bytes, but only found (\\d+) bytes eligible");
    private static final Pattern WANTED = Pattern.compile("wanted to free (\\d+) bytes, but freed (\\d+) bytes");

    /** Never throws; empty when the message is not an image garbage collection failure. */
    public static Optional<ImageGarbageCollectionFailure> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        for (Pattern p : new Pattern[] {ATTEMPTED, WANTED}) {
            Matcher m = p.matcher(message);
            if (m.find()) {
                return Optional.of(new ImageGarbageCollectionFailure(bytes(m.group(1)), bytes(m.group(2)),
                        message));
            }
        }
        if (message.toLowerCase(Locale.ROOT).contains("garbage collect")) {
            return Optional.of(new ImageGarbageCollectionFailure(OptionalLong.empty(), OptionalLong.empty(),
                    message));
        }
        return Optional.empty();
    }

    private static OptionalLong bytes(String digits) {
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Nothing was eligible: every image is used by a pod on the node, so pruning frees nothing. */
    public boolean nothingEligible() {
        return freedBytes.isPresent() && freedBytes.getAsLong() == 0;
    }
}
