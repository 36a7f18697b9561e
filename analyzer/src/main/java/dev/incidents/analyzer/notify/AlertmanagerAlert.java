package dev.incidents.analyzer.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.RemediationStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An incident as an Alertmanager API v2 {@code postableAlert}. Labels decide routing and identity (Alertmanager
 * deduplicates by the label set, so re-posting the same incident is harmless): {@code alertname} (the category),
 * {@code severity} (lower case, the Prometheus convention), {@code cluster}, {@code namespace}, {@code workload}
 * ({@code Kind/name}) or {@code node}, {@code incident_id}. Annotations only describe: {@code summary} (the title),
 * {@code description} (the summary), {@code commands} (the first step's commands), {@code runbook_url} when a template
 * is given.
 *
 * <p>Label values are the Kubernetes names, which silences match, so they are kept as they are; annotations are
 * rendered by whatever receivers the Alertmanager has (its Slack receiver does not escape), so they are neutralised
 * and {@code <} {@code >} become {@code ‹} {@code ›}.
 */
public final class AlertmanagerAlert {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int ANNOTATION_MAX = 1000;
    private static final int COMMANDS = 3;

    private AlertmanagerAlert() {
    }

    /**
     * {@code validUntil} is the firing alert's {@code endsAt}; a RESOLVED incident ends at its lastSeen, never later
     * than {@code now} (event time can run ahead of the Alertmanager's clock) nor before it started.
     */
    public static ObjectNode render(Incident i, Instant now, Instant validUntil, String runbookTemplate) {
        ObjectNode alert = MAPPER.createObjectNode();
        ObjectNode labels = alert.putObject("labels");
        labels.put("alertname", i.getCategory());
        labels.put("severity", i.getSeverity().name().toLowerCase(Locale.ROOT));
        labels.put("cluster", i.getCluster());
        if (i.getNamespace() != null && !i.getNamespace().isEmpty()) {
            labels.put("namespace", i.getNamespace());
        }
        if (i.getWorkload() != null) {
            labels.put("workload", i.getWorkload().getKind() + "/" + i.getWorkload().getName());
        } else if (i.getNodes() != null && !i.getNodes().isEmpty()) {
            labels.put("node", i.getNodes().get(0));
        }
        labels.put("incident_id", i.getId());
        ObjectNode annotations = alert.putObject("annotations");
        annotations.put("summary", annotation(i.getTitle()));
        annotations.put("description", annotation(i.getSummary()));
        List<String> commands = new ArrayList<>();
        List<RemediationStep> steps = i.getRemediation() == null ? List.of() : i.getRemediation();
        if (!steps.isEmpty()) {
            commands.addAll(steps.get(0).getCommands().subList(0, Math.min(COMMANDS, steps.get(0).getCommands().size())));
        }
        if (!commands.isEmpty()) {
            annotations.put("commands", annotation(String.join("\n", commands)));
        }
        if (runbookTemplate != null && !runbookTemplate.isBlank()) {
            annotations.put("runbook_url", runbookTemplate.replace("{category}", i.getCategory())
                    .replace("{category_lower}", i.getCategory().toLowerCase(Locale.ROOT)));
        }
        alert.put("startsAt", IncidentJson.time(i.getFirstSeen()));
        Instant ends = validUntil;
        if (i.getStatus() == IncidentStatus.RESOLVED) {
            ends = i.getLastSeen().isAfter(now) ? now : i.getLastSeen();
            if (ends.isBefore(i.getFirstSeen())) {
                ends = i.getFirstSeen();
            }
        }
        alert.put("endsAt", IncidentJson.time(ends));
        return alert;
    }

    static String annotation(String s) {
        return Untrusted.neutralise(s, ANNOTATION_MAX).replace('<', '‹').replace('>', '›');
    }
}
