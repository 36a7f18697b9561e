package dev.incidents.analyzer.notify;

import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.schemas.Incident;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Real transitions: what {@code replay} of the demo recording ({@code samples/gpu-inference-outage.jsonl}) writes
 * to the JSON topic, pinned by {@code ReplayGoldenTest} (7 OPEN, then 3 RESOLVED). Hostile variants are made from
 * them through the incident's own fields, so their shape stays IncidentJson's.
 */
final class Transitions {
    static final String GOLDEN = "/golden/gpu-inference-outage.transitions.jsonl";

    private Transitions() {
    }

    static List<String> demo() {
        try (InputStream in = Transitions.class.getResourceAsStream(GOLDEN)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\n")).filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Transition demo(int index) {
        return Transition.parse(demo().get(index));
    }

    /** The position in the demo's transitions of the first of that category and status. */
    static int indexOf(String category, String status) {
        List<String> all = demo();
        for (int i = 0; i < all.size(); i++) {
            Transition t = Transition.parse(all.get(i));
            if (t.incident().getCategory().equals(category) && t.incident().getStatus().name().equals(status)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + category + " " + status);
    }

    /** The demo's transition of that category and status (its first, when there are several). */
    static Transition demo(String category, String status) {
        return demo().stream().map(Transition::parse)
                .filter(t -> t.incident().getCategory().equals(category) && t.incident().getStatus().name().equals(status))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + category + " " + status));
    }

    static Transition edited(int index, UnaryOperator<Incident.Builder> edit) {
        Incident incident = edit.apply(Incident.newBuilder(demo(index).incident())).build();
        return Transition.parse(IncidentJson.toJson(incident));
    }

    /** What a hostile cluster can put into names and messages. */
    static final String HOSTILE = "@channel <!here> <!channel> <@U024BE7LH> <https://evil.example/x|click here> "
            + "[click](https://evil.example/a) ![img](https://evil.example/i.png) <script>alert(1)</script> "
            + "&amp; **bold** www.evil.example @here @everyone";

    static Transition hostile() {
        return edited(0, b -> b
                .setTitle("Image pull for " + HOSTILE + " fails")
                .setSummary("x".repeat(20_000) + HOSTILE)
                .setPods(List.of("triton-" + HOSTILE))
                .setCauses(List.of(dev.incidents.schemas.Cause.newBuilder().setCause(HOSTILE).setConfidence(0.9)
                        .setEvidence(List.of()).build()))
                .setRemediation(List.of(dev.incidents.schemas.RemediationStep.newBuilder().setStep(HOSTILE)
                        .setCommands(List.of("kubectl describe pod '" + HOSTILE + "' ```", "y".repeat(10_000))).build())));
    }
}
