package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import java.util.List;

/**
 * Image pull or unpack failing with {@code no space left on device}: the node's container runtime volume is full.
 * The top cause carries the path the runtime could not write (seed 001: the containerd overlayfs snapshotter).
 */
public final class ImagePullDiskFullDetector extends ImagePullDetector {

    public ImagePullDiskFullDetector() {
        super(Category.IMAGE_PULL_DISK_FULL);
    }

    /** The catalog cause the path is evidence for. */
    static final String ROOT_VOLUME_TOO_SMALL = "ROOT_VOLUME_TOO_SMALL";

    @Override
    public List<CauseEvidence> weigh(EvidenceSummary evidence, SubjectView subject) {
        return pathOf(subject).map(path -> List.of(new CauseEvidence(ROOT_VOLUME_TOO_SMALL,
                "no space left on device writing " + path))).orElse(List.of());
    }
}
