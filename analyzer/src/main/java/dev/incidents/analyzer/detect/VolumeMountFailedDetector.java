package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.MountFailure;
import java.util.Set;

/** {@code FailedMount} / {@code FailedAttachVolume} on a pod (including "timed out waiting for the condition"). */
public final class VolumeMountFailedDetector extends EventReasonDetector {
    public VolumeMountFailedDetector() {
        super(Category.VOLUME_MOUNT_FAILED, Set.of("FailedMount", "FailedAttachVolume", "FailedMapVolume"));
    }

    /** Multi-attach, attach failures, a missing CSI driver, a missing Secret/ConfigMap volume source. */
    @Override
    protected Facts facts(String message) {
        return MountFailure.parse(message).map(MountFailure::facts).orElse(Facts.empty());
    }
}
