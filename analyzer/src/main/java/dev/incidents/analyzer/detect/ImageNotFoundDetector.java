package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;

/** Image pull failing because the image reference does not exist (manifest unknown, not found). */
public final class ImageNotFoundDetector extends ImagePullDetector {
    public ImageNotFoundDetector() {
        super(Category.IMAGE_NOT_FOUND);
    }
}
