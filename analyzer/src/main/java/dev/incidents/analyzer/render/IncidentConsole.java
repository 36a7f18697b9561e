package dev.incidents.analyzer.render;

import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.RemediationStep;
import dev.incidents.schemas.Severity;

/**
 * What an on-call engineer reads in a terminal ({@code tail}, {@code replay --output text}): status and severity
 * first, then where, why and what to type. Cluster-supplied text has its control characters replaced, so a hostile
 * pod name cannot send ANSI escapes to the terminal; colour is added only around our own labels.
 */
public final class IncidentConsole {

    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String RED = "\u001B[31m";
    private static final String YELLOW = "\u001B[33m";
    private static final String GREEN = "\u001B[32m";
    private static final String DIM = "\u001B[2m";

    private IncidentConsole() {
    }

    public static String render(Incident incident, boolean color) {
        StringBuilder b = new StringBuilder();
        String status = "[" + incident.getStatus() + "]";
        String severity = String.valueOf(incident.getSeverity());
        b.append(paint(status, statusColor(incident.getStatus()), color)).append(' ')
                .append(paint(severity, severityColor(incident.getSeverity()), color)).append(' ')
                .append(paint(clean(incident.getCategory()), BOLD, color)).append("  ")
                .append(clean(incident.getTitle())).append('\n');
        line(b, "id", incident.getId() + (incident.getOccurrence() > 1 ? " (occurrence " + incident.getOccurrence()
                + ")" : ""), color);
        line(b, "where", IncidentMarkdown.where(incident), color);
        if (incident.getSummary() != null && !incident.getSummary().isBlank()) {
            line(b, "summary", incident.getSummary(), color);
        }
        if (incident.getCauses() != null && !incident.getCauses().isEmpty()) {
            var top = incident.getCauses().get(0);
            line(b, "cause", top.getCause() + " (" + Math.round(top.getConfidence() * 100) + "%)", color);
        }
        if (incident.getRemediation() != null) {
            int n = 1;
            for (RemediationStep step : incident.getRemediation()) {
                line(b, n == 1 ? "fix" : "", n + ". " + step.getStep(), color);
                for (String command : step.getCommands()) {
                    b.append("             $ ").append(clean(command)).append('\n');
                }
                n++;
            }
        }
        line(b, "seen", IncidentJson.time(incident.getFirstSeen()) + " .. " + IncidentJson.time(incident.getLastSeen())
                + ", " + ChatText.count(incident.getSignalCount(), "signal"), color);
        if (incident.getFollows() != null) {
            line(b, "follows", incident.getFollows(), color);
        }
        if (incident.getResolution() != null) {
            line(b, "resolution", incident.getResolution(), color);
        }
        return b.toString();
    }

    /**
     * One transition as {@code tail} and {@code demo} print it: when (event time of the newest evidence), status,
     * severity, category, subject and title on one line, then the first remediation command, if any.
     */
    public static String transition(Incident incident, boolean color) {
        StringBuilder b = new StringBuilder();
        b.append(paint(IncidentJson.time(incident.getLastSeen()), DIM, color)).append(' ')
                .append(paint(String.format("%-10s", "[" + incident.getStatus() + "]"), statusColor(incident.getStatus()), color))
                .append(paint(String.format("%-9s", incident.getSeverity()), severityColor(incident.getSeverity()), color))
                .append(paint(String.format("%-23s", clean(incident.getCategory())), BOLD, color)).append(' ')
                .append(clean(subject(incident))).append("  ").append(clean(incident.getTitle())).append('\n');
        incident.getRemediation().stream().flatMap(step -> step.getCommands().stream()).findFirst()
                .ifPresent(command -> b.append("      $ ").append(clean(command)).append('\n'));
        return b.toString();
    }

    /** Where an incident is, shortest form: namespace/Kind/name for a workload, node/name for a node. */
    public static String subject(Incident incident) {
        if (incident.getWorkload() != null) {
            return (incident.getNamespace() == null ? "" : incident.getNamespace() + "/")
                    + incident.getWorkload().getKind() + "/" + incident.getWorkload().getName();
        }
        if (!incident.getNodes().isEmpty()) {
            return "node/" + incident.getNodes().get(0);
        }
        return incident.getNamespace() != null ? incident.getNamespace() : incident.getCluster();
    }

    private static void line(StringBuilder b, String label, String value, boolean color) {
        String padded = String.format("  %-10s ", label);
        b.append(paint(padded, DIM, color && !label.isEmpty())).append(clean(value)).append('\n');
    }

    private static String clean(String text) {
        return ChatText.oneLine(text);
    }

    private static String paint(String text, String ansi, boolean color) {
        return color ? ansi + text + RESET : text;
    }

    private static String statusColor(IncidentStatus status) {
        return status == IncidentStatus.RESOLVED ? GREEN : BOLD;
    }

    private static String severityColor(Severity severity) {
        return severity == Severity.CRITICAL ? RED : severity == Severity.WARNING ? YELLOW : DIM;
    }
}
