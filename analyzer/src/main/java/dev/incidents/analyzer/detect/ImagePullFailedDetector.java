package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import java.util.Set;

/** Any other image pull failure (timeouts, {@code toomanyrequests}, TLS), and pull failures that do not say why. */
public final class ImagePullFailedDetector extends ImagePullDetector {
    public ImagePullFailedDetector() {
        super(Category.IMAGE_PULL_FAILED);
    }

    /** A pod whose explained failure arrives after {@code Error: ErrImagePull} belongs to the explained category. */
    @Override
    public Set<Category> yieldsTo() {
        return Set.of(Category.IMAGE_PULL_DISK_FULL, Category.IMAGE_PULL_AUTH, Category.IMAGE_NOT_FOUND);
    }
}
