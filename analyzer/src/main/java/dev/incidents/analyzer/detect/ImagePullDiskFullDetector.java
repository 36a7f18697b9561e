package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.schemas.Cause;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Image pull or unpack failing with {@code no space left on device}: the node's container runtime volume is full.
 * The top cause carries the path the runtime could not write (seed 001: the containerd overlayfs snapshotter).
 */
public final class ImagePullDiskFullDetector extends ImagePullDetector {

    public ImagePullDiskFullDetector() {
        super(Category.IMAGE_PULL_DISK_FULL);
    }

    @Override
    public List<Cause> rank(List<Cause> catalogCauses, EvidenceSummary evidence, SubjectView subject) {
        Optional<String> path = pathOf(subject);
        if (path.isEmpty() || catalogCauses.isEmpty()) {
            return catalogCauses;
        }
        List<Cause> ranked = new ArrayList<>(catalogCauses);
        Cause top = ranked.get(0);
        List<String> ev = new ArrayList<>(top.getEvidence());
        ev.add("no space left on device writing " + path.get());
        ranked.set(0, Cause.newBuilder(top).setEvidence(ev).build());
        return ranked;
    }
}
