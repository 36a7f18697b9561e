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
     * The kubelet's {@code object "ns"/"name" not registered} alone never opens: its Secret and ConfigMap manager has no
     * record of a pod it rejected at admission (the pod's own failure says why) or lost in a restart. The kubelet's
     * cache of the pod's Secrets and ConfigMaps not synced in time, seen once, is its informer catching
     * up at a pod's start and gone the next try: only when it repeats, or beside another mount failure, is it one.
     */
    @Override
    public boolean sufficient(EvidenceSummary evidence) {
        if (evidence.onlyClue(Clue.OBJECT_NOT_REGISTERED)) {
            return false; // however often: the kubelet's bookkeeping of a pod it did not admit, not a volume failing
        }
        return !(evidence.onlyClue(Clue.CACHE_SYNC_TIMEOUT) && evidence.totalCount() < 2);
    }

    /** Multi-attach, attach failures, a missing CSI driver, a missing Secret/ConfigMap volume source. */
    @Override
    protected Facts facts(String message) {
        return MountFailure.parse(message).map(MountFailure::facts).orElse(Facts.empty());
    }
}
