package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;

/** Image pull failing because the registry refuses the credentials (pull access denied, unauthorized, 401/403, no basic auth credentials). */
public final class ImagePullAuthDetector extends ImagePullDetector {
    public ImagePullAuthDetector() {
        super(Category.IMAGE_PULL_AUTH);
    }
}
