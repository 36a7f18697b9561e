package dev.incidents.analyzer.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.replay.Replay;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recordings;
import dev.incidents.schemas.Evidence;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.RemediationStep;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report's HTML as text: escaping of cluster-supplied strings, its own CSP, the follows chain, determinism. */
class PostMortemReportTest {
    static final Path SUPERSEDED = Path.of("src/test/resources/scenarios/lifecycle-superseded-pending-then-crash.jsonl");
    static final String HOSTILE_POD = "<script>alert('pod')</script>";
    static final String HOSTILE_MESSAGE = "</script><img src=x onerror=alert(1)> \u2028 & \"quoted\"";
    static final PostMortemReport.Source SOURCE = new PostMortemReport.Source(List.of("superseded.jsonl"), 42);

    static List<Incident> transitions;

    @BeforeAll
    static void replay() {
        transitions = Replay.run(Recordings.read(List.of(SUPERSEDED), new ReadOptions(null, Instant.now()), r -> { }),
                AnalyzerConfig.defaults()).transitions();
    }

    @Test
    void the_next_phase_links_back_and_the_chart_draws_the_arrow() {
        String html = PostMortemReport.render(IncidentHistory.of(transitions), SOURCE);
        assertThat(html).contains("href=\"#/incident/prod-us-east-1/inference/Deployment/qwen-chat/INSUFFICIENT_GPU\"")
                .contains("href=\"#/incident/prod-us-east-1/inference/Deployment/qwen-chat/CRASH_LOOP\"")
                .contains("class=\"follows\"")
                .contains("data-status=\"RESOLVED\"").contains("data-status=\"OPEN\"");
        assertThat(html).isEqualTo(PostMortemReport.render(IncidentHistory.of(transitions), SOURCE));
    }

    /**
     * The bundled outage: triton and vllm-llama3 both fail to pull on the full disk of one GPU node, in one namespace:
     * one problem to on-call, said once before the incidents one by one. A recording without such a group has none.
     */
    @Test
    void incidents_seen_together_are_named_once() {
        List<Incident> outage = Replay.run(Recordings.read(List.of(Path.of("../samples/gpu-inference-outage.jsonl")),
                new ReadOptions(null, Instant.now()), r -> { }), AnalyzerConfig.defaults()).transitions();
        String html = PostMortemReport.render(IncidentHistory.of(outage), SOURCE);
        assertThat(html).contains("<h2>Seen together</h2>").contains("IMAGE_PULL_DISK_FULL in inference (cluster "
                + "prod-us-east-1): 2 alike: Deployment/triton, Deployment/vllm-llama3");
        assertThat(PostMortemReport.render(IncidentHistory.of(transitions), SOURCE)).doesNotContain("Seen together");
    }

    @Test
    void cluster_strings_are_text_everywhere_and_the_embedded_json_cannot_end_its_script() throws Exception {
        List<Incident> hostile = new ArrayList<>();
        for (Incident t : transitions) {
            List<Evidence> evidence = new ArrayList<>();
            for (Evidence e : t.getEvidence()) {
                evidence.add(Evidence.newBuilder(e).setName(HOSTILE_POD).setMessage(HOSTILE_MESSAGE).build());
            }
            hostile.add(Incident.newBuilder(t).setPods(List.of(HOSTILE_POD)).setTitle(HOSTILE_MESSAGE)
                    .setNamespace("ns\"><b>").setEvidence(evidence)
                    .setRemediation(List.of(RemediationStep.newBuilder().setStep(HOSTILE_MESSAGE)
                            .setCommands(List.of("kubectl logs " + HOSTILE_POD)).build()))
                    .build());
        }
        String html = PostMortemReport.render(IncidentHistory.of(hostile), SOURCE);

        assertThat(html).doesNotContain(HOSTILE_POD).doesNotContain("<img").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(&#39;pod&#39;)&lt;/script&gt;")
                .contains("data-namespace=\"ns&quot;&gt;&lt;b&gt;\"");
        // Two scripts: the JSON data block and the page's own; nothing else opens or closes one.
        assertThat(count(html, "<script")).isEqualTo(2);
        assertThat(count(html, "</script>")).isEqualTo(2);

        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"incident-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(data.find()).isTrue();
        assertThat(data.group(1)).doesNotContain("<").doesNotContain(">").doesNotContain("\u2028");
        JsonNode incidents = new ObjectMapper().readTree(data.group(1));
        assertThat(incidents).hasSize(2);
        assertThat(incidents.get(0).get("pods").get(0).asText()).isEqualTo(HOSTILE_POD);
        assertThat(incidents.get(0).get("title").asText()).isEqualTo(HOSTILE_MESSAGE);
    }

    @Test
    void the_report_allows_only_its_own_style_and_script_and_loads_nothing() {
        String html = PostMortemReport.render(IncidentHistory.of(transitions), SOURCE).replace("&#39;", "'");
        String script = PageResources.read("app.js");
        assertThat(html).contains("<script>" + script + "</script>")
                .contains("script-src '" + PostMortemReport.sha256(script) + "'")
                .contains("style-src '" + PostMortemReport.sha256(PageResources.read("app.css")) + "'")
                .contains("default-src 'none'");
        assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("url(http")
                .doesNotContain("<link rel=\"stylesheet\"");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
