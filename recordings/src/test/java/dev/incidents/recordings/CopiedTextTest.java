package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Output that reached the reader through a web page or a document: no-break spaces for the spaces of a rendered code
 * block, every line indented as a Markdown list item's code block. Both read as kubectl printed them.
 */
class CopiedTextTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final String EVENTS = """
            $ kubectl get events -n serving
            LAST SEEN   TYPE      REASON             OBJECT             MESSAGE
            2m          Warning   FailedScheduling   pod/triton-0       0/4 nodes are available: 4 Insufficient nvidia.com/gpu.
            """;

    private static KubeEvent onlyEvent(String text) {
        List<Recorded> records = Fixtures.pasted(text, NOW);
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

    /**
     * A terminal's copy breaks a long line at the screen's width: inside a quoted value (the kubelet's structured
     * {@code err="..."}, kind's known issue), or right after a space it keeps at the line's end. The parts are one line.
     */
    @Test
    void aLineBrokenAtTheScreensWidthIsOneLine() {
        String line = "E0101 10:00:00.000000    812 kubelet.go:1431] \"Failed to start ContainerManager\" err=\"failed to "
                + "get rootfs info: failed to get device for dir \\\"/var/lib/kubelet\\\": could not find device with major: 0, "
                + "minor: 40 in cached partitions map\"";
        String broken = line.substring(0, 120) + "\n" + line.substring(120) + "\n";
        assertThat(onlyEvent(broken).getMessage()).endsWith("Failed to start ContainerManager: failed to get rootfs "
                + "info: failed to get device for dir \"/var/lib/kubelet\": could not find device with major: 0, minor: 40 "
                + "in cached partitions map");

        String pull = "Failed to pull image \"grafana/grafana:6.2.3\": rpc error: code = Unknown desc = Error response from "
                + "daemon: manifest for grafana/grafana:6.2.3 not found";
        assertThat(onlyEvent(pull.substring(0, 120) + "\n" + pull.substring(120) + "\n").getMessage()).isEqualTo(pull);
    }
}
