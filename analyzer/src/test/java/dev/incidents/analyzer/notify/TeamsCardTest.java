package dev.incidents.analyzer.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamsCardTest {

    @Test
    void a_transition_is_an_adaptive_card_in_a_workflows_message() {
        ObjectNode payload = TeamsCard.render(Transitions.demo("PROBE_FAILURE", "OPEN").incident());

        assertThat(payload.path("type").asText()).isEqualTo("message");
        JsonNode attachment = payload.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.4");
        assertThat(card.path("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
        assertThat(runs(card)).first().isEqualTo("[OPEN] WARNING PROBE_FAILURE ");
        assertThat(String.join("\n", runs(card))).contains("inference/Deployment/vllm-mistral", "Most likely: ", "Next: ");
    }

    @Test
    void hostile_strings_are_text_runs_never_markdown_and_links_and_mentions_are_broken() {
        ObjectNode payload = TeamsCard.render(Transitions.hostile().incident());
        JsonNode card = payload.path("attachments").get(0).path("content");

        // only RichTextBlock/TextRun: Adaptive Cards parse Markdown in TextBlock and FactSet, never in a TextRun
        card.path("body").forEach(block -> {
            assertThat(block.path("type").asText()).isEqualTo("RichTextBlock");
            block.path("inlines").forEach(run -> assertThat(run.path("type").asText()).isEqualTo("TextRun"));
        });
        assertThat(runs(card)).allSatisfy(s -> assertThat(s)
                .doesNotContain("https://", "](", "![", "www.evil")
                .doesNotContainIgnoringCase("@channel").doesNotContainIgnoringCase("@everyone"));
        // Teams refuses cards over 28 KB
        assertThat(payload.toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(28 * 1024);
    }

    static List<String> runs(JsonNode card) {
        List<String> out = new ArrayList<>();
        card.path("body").forEach(b -> b.path("inlines").forEach(r -> out.add(r.path("text").asText())));
        return out;
    }
}
