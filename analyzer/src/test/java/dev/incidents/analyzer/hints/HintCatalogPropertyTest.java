package dev.incidents.analyzer.hints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.Category;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Whatever subset of facts the evidence gave, nothing rendered carries a placeholder. */
class HintCatalogPropertyTest {

    private static final HintCatalog CATALOG = HintCatalog.load();

    @Property(tries = 300)
    void noPlaceholderEverLeaks(@ForAll Set<Fact> known, @ForAll @Size(max = 4) Set<Clue> clues,
                                @ForAll Category category) {
        Facts facts = Facts.empty();
        for (Fact f : known) {
            facts = facts.with(f, "v-" + f.placeholder());
        }
        for (Clue c : clues) {
            facts = facts.withClue(c);
        }

        RenderedHint hint = CATALOG.render(category, facts);

        assertThat(hint.title() + hint.summary()).doesNotContain("{", "}");
        assertThat(hint.causes()).isNotEmpty().allSatisfy(c -> assertThat(c.getCause()).doesNotContain("{"));
        assertThat(hint.remediation()).isNotEmpty().allSatisfy(step -> {
            assertThat(step.getStep()).doesNotContain("{");
            assertThat(step.getCommands()).allSatisfy(command -> assertThat(command).doesNotContain("{", "}"));
        });
    }
}
