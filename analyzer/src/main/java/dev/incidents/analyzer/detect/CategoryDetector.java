package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;

/** Base of the detector families that share their evidence and differ only by category (scheduling, image pull, event reason). */
abstract class CategoryDetector implements Detector {

    private final Category category;

    CategoryDetector(Category category) {
        this.category = category;
    }

    @Override
    public final Category category() {
        return category;
    }
}
