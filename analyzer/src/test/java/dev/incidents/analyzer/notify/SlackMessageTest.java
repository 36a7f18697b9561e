package dev.incidents.analyzer.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackMessageTest {

    @Test
    void renders_the_demo_open_transition_in_mrkdwn_without_commonmark_escapes() {
        ObjectNode message = SlackMessage.render(Transitions.demo(0).incident());

        assertThat(message.path("text").asText()).isEqualTo(
                "[OPEN] CRITICAL IMAGE_PULL_DISK_FULL: Image pull for triton fails: no space left on ip-10-0-1-149.ec2.internal");
        List<String> sections = sectionTexts(message);
        assertThat(sections.get(0)).isEqualTo("*:red_circle: OPEN* · CRITICAL · `IMAGE_PULL_DISK_FULL` · "
                + "inference/Deployment/triton\n*Image pull for triton fails: no space left on ip-10-0-1-149.ec2.internal*");
        assertThat(sections).anySatisfy(s -> assertThat(s).startsWith("*Most likely:* The node's root volume is too small"));
        assertThat(sections).anySatisfy(s -> assertThat(s)
                .contains("*Next:* Confirm the disk pressure and the runtime's usage on the node\n```kubectl describe node ip-10-0-1-149.ec2.internal\n"));
        assertThat(JsonStrings.of(message)).noneMatch(s -> s.contains("\\[") || s.contains("\\_") || s.contains("\\|"));
    }

    @Test
    void a_resolved_transition_says_how_it_resolved() {
        ObjectNode message = SlackMessage.render(Transitions.demo(8).incident());

        assertThat(message.path("text").asText()).startsWith("[RESOLVED] CRITICAL IMAGE_PULL_DISK_FULL:");
        assertThat(sectionTexts(message)).contains(
                "*Resolved:* recovered: Pulled on pod triton-79569cfbbc-m2wcc (container triton)");
    }

    @Test
    void hostile_names_and_messages_reach_slack_neutralised() {
        ObjectNode message = SlackMessage.render(Transitions.hostile().incident());
        List<String> texts = JsonStrings.of(message);

        assertThat(texts).isNotEmpty().allSatisfy(s -> {
            // Slack's escaping: no raw angle bracket, so no <!here>, <!channel>, <@U…> or <url|label> control sequence
            assertThat(s).doesNotContain("<", ">");
            assertThat(s).doesNotContainIgnoringCase("@channel").doesNotContainIgnoringCase("@here")
                    .doesNotContainIgnoringCase("@everyone");
            assertThat(s).doesNotContain("https://", "](", "![", "www.evil");
        });
        assertThat(message.path("text").asText()).contains("&lt;!here&gt;", "&lt;script&gt;", "&amp;amp;");
        assertThat(sectionTexts(message)).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(SlackMessage.SECTION_MAX));
        // the code block of commands cannot be closed from inside
        String next = sectionTexts(message).stream().filter(s -> s.startsWith("*Next:*")).findFirst().orElseThrow();
        assertThat(next.split("```", -1)).hasSize(3);
    }

    static List<String> sectionTexts(JsonNode message) {
        return java.util.stream.StreamSupport.stream(message.path("blocks").spliterator(), false)
                .filter(b -> b.path("type").asText().equals("section"))
                .map(b -> b.path("text").path("text").asText()).toList();
    }
}
