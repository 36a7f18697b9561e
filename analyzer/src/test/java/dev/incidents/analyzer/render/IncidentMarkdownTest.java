package dev.incidents.analyzer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentMarkdownTest {

    @Test
    void seed001ReadsAsAChatMessage() {
        String text = IncidentMarkdown.render(SeedIncidents.seed001());

        assertThat(text.lines().findFirst()).contains("\\[OPEN\\] CRITICAL IMAGE\\_PULL\\_DISK\\_FULL: Image pull for "
                + "triton fails: no space left on ip-10-0-1-149.ec2.internal");
        assertThat(text).contains("Workload: Deployment triton in inference | pods: triton-79569cfbbc-m2wcc | nodes: "
                .replace("|", "\\|"));
        assertThat(text).contains("Most likely: The node's root volume is too small");
        assertThat(text).contains("```\nkubectl describe node ip-10-0-1-149.ec2.internal\nsudo du -sh "
                + "/var/lib/containerd\ndf -hT | grep containerd\n```\n");
        assertThat(text).endsWith("Evidence: 2 records, 7 signals, first seen 2025-06-01T10:01:59Z, last seen "
                + "2025-06-01T10:02:00.250Z");
    }

    @Test
    void resolvedAndSupersededSayWhy() {
        Incident incident = SeedIncidents.seed001();
        incident.setStatus(IncidentStatus.RESOLVED);
        incident.setResolution("recovery observed: Pulled");
        incident.setFollows("prod-us-east-1/inference/Deployment/triton/INSUFFICIENT_GPU");

        String text = IncidentMarkdown.render(incident);

        assertThat(text).startsWith("\\[RESOLVED\\] CRITICAL").contains("\nResolution: recovery observed: Pulled\n",
                "\nFollows: prod-us-east-1/inference/Deployment/triton/INSUFFICIENT\\_GPU\n");
    }

    @Test
    void hostileNamesCannotFormatMentionOrBreakTheFence() {
        Incident incident = SeedIncidents.diskFull("inference",
                "*bold*_x_~s~ @here <!channel> <@U123> [x](http://e) <https://e|go>",
                "pod-`````\n# heading", "node@everyone\n> quote");

        String text = IncidentMarkdown.render(incident);

        assertThat(text).doesNotContain("@here", "@everyone", "<!channel>", "<@U123>", "<https:", "*bold*", "\n#", "\n>");
        assertThat(text).doesNotContainPattern("(?<!\\\\)\\]\\(");
        assertThat(text).contains("\\*bold\\*", "\\_x\\_", "\\~s\\~", "\\[x\\]");
        // exactly one fence opened and closed: the commands' backticks cannot add one
        assertThat(text.split("```", -1)).hasSize(3);
        assertThat(text.lines()).allSatisfy(line -> assertThat(line).doesNotStartWith("#").doesNotStartWith(">"));
    }

    @Test
    void longMessagesAreCappedWithTheFenceKeptWhole() {
        Incident incident = SeedIncidents.seed001();
        String huge = String.join("", Collections.nCopies(4000, "x"));
        incident.setSummary(huge);
        incident.setTitle(huge);
        List<String> pods = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            pods.add("triton-79569cfbbc-" + i);
        }
        incident.setPods(pods);

        String text = IncidentMarkdown.render(incident);

        assertThat(text.length()).isLessThanOrEqualTo(IncidentMarkdown.MAX_LENGTH);
        assertThat(text).contains("…", "and 495 more");
        assertThat(text.split("```", -1).length).isIn(1, 3);
    }

    @Test
    void manyLongCommandsAreDroppedBeforeProseIsCut() {
        Incident incident = SeedIncidents.diskFull("ns", "w", "p".repeat(280), "n".repeat(280));

        String text = IncidentMarkdown.render(incident);

        assertThat(text.length()).isLessThanOrEqualTo(IncidentMarkdown.MAX_LENGTH);
        assertThat(text.split("```", -1).length).isIn(1, 3);
        assertThat(text).contains("Evidence: 2 records");
    }
}
