package dev.incidents.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.incidents.analyzer.detect.Detector;
import dev.incidents.analyzer.detect.Detectors;
import dev.incidents.analyzer.hints.HintCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md "one detector, one file, one fixture": every category has its detector, its hint catalog entry and at
 * least one scenario fixture expecting it, so a new category cannot ship half-done.
 */
class CategoryCoverageTest {

    @Test
    void detectors_catalog_entries_and_fixtures_name_every_category() throws IOException {
        Set<Category> all = EnumSet.allOf(Category.class);
        Set<Category> detected = EnumSet.noneOf(Category.class);
        for (Detector d : Detectors.all(2).list()) {
            detected.add(d.category());
        }
        Set<Category> catalogued = HintCatalog.load().categories();
        Set<Category> fixtures = fixtureCategories();

        assertThat(missing(all, detected)).as("categories without a detector").isEmpty();
        assertThat(missing(all, catalogued)).as("categories without a hint catalog entry").isEmpty();
        assertThat(missing(all, fixtures)).as("categories without a scenario fixture expecting them").isEmpty();
    }

    private static Set<String> missing(Set<Category> all, Set<Category> present) {
        Set<String> missing = new TreeSet<>();
        all.stream().filter(c -> !present.contains(c)).forEach(c -> missing.add(c.name()));
        return missing;
    }

    private static Set<Category> fixtureCategories() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Set<Category> categories = EnumSet.noneOf(Category.class);
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/scenarios"))) {
            for (Path sidecar : files.filter(p -> p.toString().endsWith(".expect.yaml")).toList()) {
                for (JsonNode e : yaml.readTree(sidecar.toFile()).path("expect")) {
                    categories.add(Category.valueOf(e.path("category").asText()));
                }
            }
        }
        return categories;
    }
}
