package dev.incidents.analyzer.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.schemas.Cause;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.RemediationStep;
import java.util.List;

/**
 * A transition in Slack's own format: Block Kit sections of {@code mrkdwn} text plus the plain {@code text}
 * Slack shows in notifications. The topic's {@code text} field is CommonMark with backslash escapes, which mrkdwn
 * shows literally, so it is not reused: every string is rendered here, neutralised ({@link Untrusted}) and escaped
 * the way Slack documents ("Escaping text": {@code &} → {@code &amp;}, {@code <} → {@code &lt;}, {@code >} →
 * {@code &gt;}; nothing else), which is also what keeps {@code <!here>} and {@code <https://x|click>} from being
 * control sequences.
 *
 * <p>Sizes: a section's text is at most 3000 characters (Block Kit), so each untrusted string is cut well below.
 */
public final class SlackMessage {
    static final int SECTION_MAX = 3000;
    private static final int FIELD_MAX = 600;
    private static final int LIST_MAX = 5;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SlackMessage() {
    }

    /** Slack's three escapes, applied after {@link Untrusted#neutralise}. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String safe(String s, int max) {
        return escape(Untrusted.neutralise(s, max));
    }

    /** The status line: what the thread's parent shows and what {@code chat.update} changes. */
    public static String statusLine(Incident i) {
        return "*" + emoji(i.getStatus()) + " " + i.getStatus().name() + "* · " + i.getSeverity().name() + " · `"
                + safe(i.getCategory(), 80) + "` · " + safe(where(i), 300);
    }

    /** The whole transition: the OPEN message, the thread's follow-ups and the parent after an edit. */
    public static ObjectNode render(Incident i) {
        ObjectNode message = MAPPER.createObjectNode();
        message.put("text", fallback(i));
        ArrayNode blocks = message.putArray("blocks");
        section(blocks, statusLine(i) + "\n*" + safe(i.getTitle(), FIELD_MAX) + "*");
        if (i.getStatus() == IncidentStatus.RESOLVED) {
            section(blocks, "*Resolved:* " + safe(i.getResolution() == null ? "quiet period" : i.getResolution(), FIELD_MAX));
        } else {
            section(blocks, safe(i.getSummary(), 1500));
            List<Cause> causes = i.getCauses() == null ? List.of() : i.getCauses();
            if (!causes.isEmpty()) {
                Cause top = causes.get(0);
                section(blocks, "*Most likely:* " + safe(top.getCause(), FIELD_MAX) + " ("
                        + Math.round(top.getConfidence() * 100) + "%)");
            }
            List<RemediationStep> steps = i.getRemediation() == null ? List.of() : i.getRemediation();
            if (!steps.isEmpty()) {
                RemediationStep next = steps.get(0);
                StringBuilder commands = new StringBuilder();
                for (String command : next.getCommands().subList(0, Math.min(LIST_MAX, next.getCommands().size()))) {
                    commands.append(code(command)).append('\n');
                }
                section(blocks, "*Next:* " + safe(next.getStep(), FIELD_MAX)
                        + (commands.length() == 0 ? "" : "\n```" + commands + "```"));
            }
        }
        ObjectNode context = blocks.addObject();
        context.put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text",
                "cluster " + safe(i.getCluster(), 100) + " · pods " + safe(join(i.getPods()), FIELD_MAX)
                        + " · nodes " + safe(join(i.getNodes()), FIELD_MAX) + " · first seen "
                        + IncidentJson.time(i.getFirstSeen()) + " · last seen " + IncidentJson.time(i.getLastSeen()) + " · id " + safe(i.getId(), 300));
        return message;
    }

    /** The notification text: one line, no markup beyond the escapes. */
    static String fallback(Incident i) {
        return "[" + i.getStatus().name() + "] " + i.getSeverity().name() + " " + safe(i.getCategory(), 80) + ": "
                + safe(i.getTitle(), FIELD_MAX);
    }

    static String where(Incident i) {
        if (i.getWorkload() != null) {
            return i.getNamespace() + "/" + i.getWorkload().getKind() + "/" + i.getWorkload().getName();
        }
        return "node/" + join(i.getNodes());
    }

    /** A command inside a code block: still escaped (Slack parses entities there too), and it cannot close the block. */
    private static String code(String command) {
        return safe(command, FIELD_MAX).replace("```", "ʼʼʼ");
    }

    private static String join(List<String> values) {
        if (values == null || values.isEmpty()) {
            return "-";
        }
        String head = String.join(", ", values.subList(0, Math.min(LIST_MAX, values.size())));
        return values.size() > LIST_MAX ? head + " and " + (values.size() - LIST_MAX) + " more" : head;
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        String text = mrkdwn.length() > SECTION_MAX ? mrkdwn.substring(0, SECTION_MAX - 1) + "…" : mrkdwn;
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", text);
    }

    private static String emoji(IncidentStatus status) {
        return switch (status) {
            case OPEN -> ":red_circle:";
            case UPDATED -> ":large_orange_circle:";
            case RESOLVED -> ":large_green_circle:";
        };
    }
}
