package dev.incidents.analyzer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.Incident;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever names the cluster hands us, the chat message stays capped, fenced once at most, and mention-free. */
class IncidentMarkdownPropertyTest {

    @Property(tries = 200)
    void hostileNamesNeverEscapeTheFormat(@ForAll("names") String workload, @ForAll("names") String pod,
                                          @ForAll("names") String node) {
        Incident incident = SeedIncidents.diskFull("inference", workload, pod, node);

        String text = IncidentMarkdown.render(incident);

        assertThat(text.length()).isLessThanOrEqualTo(IncidentMarkdown.MAX_LENGTH);
        assertThat(text.split("```", -1).length).isIn(1, 3);
        assertThat(text).doesNotContain("@here", "@channel", "@everyone", "<!", "<@");
        assertThat(text.lines()).allSatisfy(line -> assertThat(line).doesNotStartWith("#").doesNotStartWith(">"));
        assertThat(IncidentJson.fromJson(IncidentJson.toJson(incident))).isEqualTo(incident);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("abc-@<>!`*_~[]()#|\\\n\r\u001B ").ofMinLength(1).ofMaxLength(40),
                Arbitraries.of("@here", "<!channel>", "<@U123>", "```", "# x", "> y", "@everyone"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(800));
    }
}
