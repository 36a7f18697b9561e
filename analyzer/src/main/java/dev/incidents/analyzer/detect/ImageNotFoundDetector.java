package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import java.util.Set;

/** Image pull failing because the image reference does not exist (manifest unknown, not found). */
public final class ImageNotFoundDetector extends ImagePullDetector {
    public ImageNotFoundDetector() {
        super(Category.IMAGE_NOT_FOUND);
    }

    /**
     * A registry that refused the workload's credentials explains a "pull access denied" of the same workload better
     * than a missing repository does (Docker Hub words both alike, see {@code ImagePullFailure}).
     */
    @Override
    public Set<Category> yieldsTo() {
        return Set.of(Category.IMAGE_PULL_AUTH);
    }
}
