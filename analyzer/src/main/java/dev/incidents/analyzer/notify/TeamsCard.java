package dev.incidents.analyzer.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.schemas.Cause;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.RemediationStep;
import java.util.List;

/**
 * A transition as an Adaptive Card (1.4, what Teams renders) wrapped the way a Teams Workflows "post to a channel
 * when a webhook request is received" flow expects it: {@code {"type":"message","attachments":[{"contentType":
 * "application/vnd.microsoft.card.adaptive","content":{...}}]}}.
 *
 * <p>Every string sits in a {@code TextRun} inside a {@code RichTextBlock}: unlike a {@code TextBlock}, a TextRun is
 * never parsed as Markdown, so a pod name with {@code [click](https://…)} or {@code ![](…)} stays text; Teams has no
 * broadcast mention outside its {@code <at>} entities, and {@link Untrusted} still breaks links and mentions so a
 * client that linkifies bare URLs does not. Cards over 28 KB are refused by Teams, hence the cuts.
 */
public final class TeamsCard {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int FIELD_MAX = 600;

    private TeamsCard() {
    }

    public static ObjectNode render(Incident i) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("type", "message");
        ObjectNode attachment = payload.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        ArrayNode status = line(body);
        run(status, "[" + i.getStatus().name() + "] " + i.getSeverity().name() + " " + i.getCategory() + " ", FIELD_MAX)
                .put("weight", "bolder").put("color", color(i.getStatus()));
        run(status, SlackMessage.where(i), FIELD_MAX);
        run(line(body), i.getTitle(), FIELD_MAX).put("weight", "bolder");
        if (i.getStatus() == IncidentStatus.RESOLVED) {
            run(line(body), "Resolved: " + (i.getResolution() == null ? "quiet period" : i.getResolution()), FIELD_MAX);
        } else {
            run(line(body), i.getSummary(), 1500);
            List<Cause> causes = i.getCauses() == null ? List.of() : i.getCauses();
            if (!causes.isEmpty()) {
                ArrayNode cause = line(body);
                run(cause, "Most likely: ", 20).put("weight", "bolder");
                run(cause, causes.get(0).getCause() + " (" + Math.round(causes.get(0).getConfidence() * 100) + "%)",
                        FIELD_MAX);
            }
            List<RemediationStep> steps = i.getRemediation() == null ? List.of() : i.getRemediation();
            if (!steps.isEmpty()) {
                ArrayNode next = line(body);
                run(next, "Next: ", 20).put("weight", "bolder");
                run(next, steps.get(0).getStep(), FIELD_MAX);
                for (String command : steps.get(0).getCommands().subList(0, Math.min(5, steps.get(0).getCommands().size()))) {
                    run(line(body), command, FIELD_MAX).put("fontType", "monospace");
                }
            }
        }
        run(line(body), "cluster " + i.getCluster() + " · pods " + String.join(", ", head(i.getPods()))
                + " · nodes " + String.join(", ", head(i.getNodes())) + " · id " + i.getId(), FIELD_MAX)
                .put("isSubtle", true);
        return payload;
    }

    private static ArrayNode line(ArrayNode body) {
        ObjectNode block = body.addObject();
        block.put("type", "RichTextBlock");
        return block.putArray("inlines");
    }

    private static ObjectNode run(ArrayNode inlines, String text, int max) {
        ObjectNode run = inlines.addObject();
        run.put("type", "TextRun");
        run.put("text", Untrusted.neutralise(text, max));
        return run;
    }

    private static List<String> head(List<String> values) {
        return values == null ? List.of() : values.subList(0, Math.min(5, values.size()));
    }

    private static String color(IncidentStatus status) {
        return switch (status) {
            case OPEN -> "attention";
            case UPDATED -> "warning";
            case RESOLVED -> "good";
        };
    }
}
