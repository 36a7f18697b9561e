package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.MountFailure;
import java.util.Set;

/** {@code FailedMount} / {@code FailedAttachVolume} on a pod (including "timed out waiting for the condition"). */
public final class VolumeMountFailedDetector extends EventReasonDetector {
    public VolumeMountFailedDetector() {
        super(Category.VOLUME_MOUNT_FAILED, Set.of("FailedMount", "FailedAttachVolume", "FailedMapVolume"));
    }

    /**
     * The kubelet's cache of the pod's Secrets and ConfigMaps not synced in time, seen once, is its informer catching
     * up at a pod's start and gone the next try: only when it repeats, or beside another mount failure, is it one.
     */
    @Override
    public boolean sufficient(EvidenceSummary evidence) {
        return !(evidence.has(Clue.CACHE_SYNC_TIMEOUT) && evidence.clues().size() == 1 && evidence.totalCount() < 2);
    }

    /** Multi-attach, attach failures, a missing CSI driver, a missing Secret/ConfigMap volume source. */
    @Override
    protected Facts facts(String message) {
        return MountFailure.parse(message).map(MountFailure::facts).orElse(Facts.empty());
    }
}
