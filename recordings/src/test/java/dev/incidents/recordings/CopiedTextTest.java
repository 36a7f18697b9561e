package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Output that reached the reader through a web page or a document: no-break spaces for the spaces of a rendered code
 * block, every line indented as a Markdown list item's code block. Both read as kubectl printed them.
 */
class CopiedTextTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2025-01-01T00:00:00Z"));
    private static final String EVENTS = """
            $ kubectl get events -n serving
            LAST SEEN   TYPE      REASON             OBJECT             MESSAGE
            2m          Warning   FailedScheduling   pod/triton-0       0/4 nodes are available: 4 Insufficient nvidia.com/gpu.
            """;

    private final List<Rejection> rejections = new ArrayList<>();

    private KubeEvent onlyEvent(String text) {
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).hasSize(1);
        return (KubeEvent) records.get(0).value();
    }

    @Test
    void noBreakSpacesAreSpaces() {
        KubeEvent plain = onlyEvent(EVENTS);
        KubeEvent copied = onlyEvent(EVENTS.replace(' ', '\u00a0'));
        assertThat(copied.getInvolvedObject().getName()).isEqualTo("triton-0");
        assertThat(copied.getNamespace()).isEqualTo("serving");
        assertThat(copied.getMessage()).isEqualTo(plain.getMessage())
                .isEqualTo("0/4 nodes are available: 4 Insufficient nvidia.com/gpu.");
    }

    @Test
    void indentationEveryLineSharesIsTakenOff() {
        String indented = EVENTS.lines().map(l -> "    " + l).reduce("", (a, l) -> a + l + "\n");
        KubeEvent event = onlyEvent(indented);
        assertThat(event.getReason()).isEqualTo("FailedScheduling");
        assertThat(event.getInvolvedObject().getName()).isEqualTo("triton-0");
        assertThat(event.getNamespace()).isEqualTo("serving");
    }
}
