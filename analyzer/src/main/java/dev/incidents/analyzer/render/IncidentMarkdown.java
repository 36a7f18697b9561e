package dev.incidents.analyzer.render;

import dev.incidents.schemas.Cause;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.RemediationStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code text} field of an incident: a ready-to-post message for Slack, Mattermost or Teams.
 * <pre>
 * [OPEN] CRITICAL IMAGE_PULL_DISK_FULL: Image pull for triton fails: no space left on ip-10-0-1-149.ec2.internal
 * The kubelet on ... cannot unpack image ...
 * Workload: Deployment triton in inference | pods: triton-79569cfbbc-m2wcc | nodes: ip-10-0-1-149.ec2.internal
 * Most likely: The node's root volume is too small ... (80%)
 * Next: Confirm the disk pressure and the runtime's usage on the node
 * ```
 * kubectl describe node ip-10-0-1-149.ec2.internal
 * ```
 * Evidence: 3 records, 7 signals, first seen 2025-06-01T10:00:00Z, last seen 2025-06-01T10:04:00Z
 * </pre>
 * Everything from the cluster is escaped ({@link ChatText}); the message is capped at {@link #MAX_LENGTH} characters
 * and the code block is dropped before the prose is cut, so a cap never leaves a fence open.
 */
public final class IncidentMarkdown {

    public static final int MAX_LENGTH = 3000;
    private static final int MAX_COMMANDS = 5;
    private static final int MAX_NAMES = 5;

    private IncidentMarkdown() {
    }

    public static String render(Incident incident) {
        List<String> head = new ArrayList<>();
        head.add(ChatText.cap(ChatText.prose("[" + incident.getStatus() + "] " + incident.getSeverity() + " "
                + incident.getCategory() + ": " + incident.getTitle()), 400));
        if (incident.getSummary() != null && !incident.getSummary().isBlank()) {
            head.add(ChatText.cap(ChatText.prose(incident.getSummary()), 800));
        }
        head.add(ChatText.cap(ChatText.prose(where(incident)), 400));
        List<Cause> causes = incident.getCauses();
        if (causes != null && !causes.isEmpty()) {
            Cause top = causes.get(0);
            head.add(ChatText.cap(ChatText.prose("Most likely: " + top.getCause() + " ("
                    + Math.round(top.getConfidence() * 100) + "%)"), 400));
        }
        if (incident.getResolution() != null) {
            head.add(ChatText.cap(ChatText.prose("Resolution: " + incident.getResolution()), 300));
        }
        if (incident.getFollows() != null) {
            // The problem moved to a later phase: say where it came from (DESIGN section 4, supersession).
            head.add(ChatText.cap(ChatText.prose("Follows: " + incident.getFollows()), 300));
        }
        List<String> commands = new ArrayList<>();
        List<RemediationStep> steps = incident.getRemediation();
        if (steps != null && !steps.isEmpty()) {
            RemediationStep first = firstWithCommands(steps);
            head.add(ChatText.cap(ChatText.prose("Next: " + first.getStep()), 400));
            for (String command : first.getCommands()) {
                if (commands.size() < MAX_COMMANDS) {
                    commands.add(ChatText.cap(ChatText.code(command), 300));
                }
            }
        }
        String tail = ChatText.prose("Evidence: " + ChatText.count(size(incident.getEvidence()), "record")
                + ", " + ChatText.count(incident.getSignalCount(), "signal") + ", first seen " + IncidentJson.time(incident.getFirstSeen())
                + ", last seen " + IncidentJson.time(incident.getLastSeen()));

        // Fit the cap: drop commands from the end (keeping the fence whole), then cut the prose.
        while (true) {
            String text = assemble(head, commands, tail);
            if (text.length() <= MAX_LENGTH) {
                return text;
            }
            if (commands.isEmpty()) {
                return ChatText.cap(text, MAX_LENGTH);
            }
            commands.remove(commands.size() - 1);
        }
    }

    private static String assemble(List<String> head, List<String> commands, String tail) {
        StringBuilder b = new StringBuilder();
        for (String line : head) {
            b.append(line).append('\n');
        }
        if (!commands.isEmpty()) {
            b.append("```\n");
            for (String c : commands) {
                b.append(c).append('\n');
            }
            b.append("```\n");
        }
        return b.append(tail).toString();
    }

    private static RemediationStep firstWithCommands(List<RemediationStep> steps) {
        for (RemediationStep s : steps) {
            if (s.getCommands() != null && !s.getCommands().isEmpty()) {
                return s;
            }
        }
        return steps.get(0);
    }

    static String where(Incident incident) {
        StringBuilder b = new StringBuilder();
        if (incident.getWorkload() != null) {
            b.append("Workload: ").append(incident.getWorkload().getKind()).append(' ')
                    .append(incident.getWorkload().getName());
            if (incident.getNamespace() != null) {
                b.append(" in ").append(incident.getNamespace());
            }
        } else if (incident.getNamespace() != null) {
            b.append("Namespace: ").append(incident.getNamespace());
        } else {
            b.append("Cluster: ").append(incident.getCluster());
        }
        appendNames(b, "pods", incident.getPods());
        appendNames(b, "nodes", incident.getNodes());
        if (incident.getAffectedWorkloads() != null && !incident.getAffectedWorkloads().isEmpty()) {
            List<String> names = new ArrayList<>();
            incident.getAffectedWorkloads().forEach(w -> names.add(w.getNamespace() + "/" + w.getKind()
                    .toLowerCase(Locale.ROOT) + "/" + w.getName()));
            appendNames(b, "workloads hit", names);
        }
        return b.toString();
    }

    private static void appendNames(StringBuilder b, String label, List<String> names) {
        if (names == null || names.isEmpty()) {
            return;
        }
        b.append(" | ").append(label).append(": ");
        b.append(String.join(", ", names.subList(0, Math.min(MAX_NAMES, names.size()))));
        if (names.size() > MAX_NAMES) {
            b.append(" and ").append(names.size() - MAX_NAMES).append(" more");
        }
    }

    private static int size(List<?> values) {
        return values == null ? 0 : values.size();
    }
}
