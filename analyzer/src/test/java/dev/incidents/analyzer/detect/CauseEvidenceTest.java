package dev.incidents.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Evidence lines name a few nodes and count the rest: a fleet's GPU pool is hundreds of nodes. */
class CauseEvidenceTest {

    @Test
    void a_few_items_are_all_named() {
        assertThat(CauseEvidence.listed(List.of("gpu-a (4)", "gpu-b (8)"))).isEqualTo("gpu-a (4), gpu-b (8)");
        assertThat(CauseEvidence.listed(List.of())).isEmpty();
    }

    @Test
    void many_items_are_the_first_ones_and_how_many_more() {
        List<String> nodes = IntStream.range(0, 827).mapToObj(i -> "gpu-" + i + " (4)").toList();
        String line = CauseEvidence.listed(nodes);
        assertThat(line).startsWith("gpu-0 (4), gpu-1 (4), ").endsWith("gpu-9 (4) and 817 more")
                .doesNotContain("gpu-10 (4)");
        assertThat(CauseEvidence.listed(nodes.subList(0, CauseEvidence.NAMED))).doesNotContain("more");
        // the first ones printed alone, the count given: the same line without printing the other 817
        assertThat(CauseEvidence.listed(nodes.subList(0, CauseEvidence.NAMED), nodes.size())).isEqualTo(line);
    }
}
