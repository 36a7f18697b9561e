package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import java.util.Set;

/** {@code FailedMount} / {@code FailedAttachVolume} on a pod (including "timed out waiting for the condition"). */
public final class VolumeMountFailedDetector extends EventReasonDetector {
    public VolumeMountFailedDetector() {
        super(Category.VOLUME_MOUNT_FAILED, Set.of("FailedMount", "FailedAttachVolume", "FailedMapVolume"));
    }
}
