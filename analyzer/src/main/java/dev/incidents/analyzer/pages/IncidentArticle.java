package dev.incidents.analyzer.pages;

import dev.incidents.analyzer.render.IncidentConsole;
import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.schemas.AffectedWorkload;
import dev.incidents.schemas.Cause;
import dev.incidents.schemas.Evidence;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.RemediationStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One incident as both pages show it, the live page and the post-mortem report: a summary row (status, severity,
 * category, where, when, title) that opens onto the detail: timeline, the chain of phases, ranked causes with their
 * evidence, and the next commands. One renderer, so the two pages cannot drift apart. A {@code <details>} element,
 * so it opens and closes without script; the data attributes are what the pages' script filters and sorts on.
 */
public final class IncidentArticle {

    private IncidentArticle() {
    }

    /** The column headings above the rows, matching {@link #render}'s summary. */
    static String header() {
        Html h = new Html().open("div", "class", "row head", "aria-hidden", "true");
        for (String column : List.of("Status", "Severity", "Category", "Where", "When", "What")) {
            h.element("span", column);
        }
        return h.close("div").toString();
    }

    public static String render(IncidentHistory.Entry entry, IncidentHistory history) {
        Incident now = entry.latest();
        String status = lower(now.getStatus().name());
        String severity = lower(String.valueOf(now.getSeverity()));
        Instant start = entry.start();
        Instant end = entry.end();
        Instant last = IncidentHistory.Entry.time(now);
        Html h = new Html().open("details", "class", "incident st-" + status + " sev-" + severity,
                "id", anchor(entry.id()),
                "data-id", entry.id(), "data-cluster", now.getCluster(), "data-namespace", namespace(now),
                "data-severity", String.valueOf(now.getSeverity()), "data-category", now.getCategory(),
                "data-status", now.getStatus().name(), "data-open", entry.open() ? "1" : "0",
                "data-last", String.valueOf(last.toEpochMilli()));

        h.open("summary", "class", "row");
        h.open("span", "class", "c-status").element("span", now.getStatus().name(), "class", "badge st-" + status).close("span");
        h.open("span", "class", "c-sev").element("span", String.valueOf(now.getSeverity()), "class", "sev sev-" + severity).close("span");
        h.element("span", now.getCategory(), "class", "c-cat");
        h.open("span", "class", "c-where").text(IncidentConsole.subject(now))
                .element("span", now.getCluster(), "class", "cluster").close("span");
        h.open("span", "class", "c-when").element("time", PageTimes.full(start), "datetime", IncidentJson.time(start))
                .element("span", end != null ? "for " + PageTimes.duration(Duration.between(start, end))
                        : last.isAfter(start) ? "ongoing, failing for " + PageTimes.duration(Duration.between(start, last))
                        : "ongoing", "class", "dur")
                .close("span");
        h.element("span", now.getTitle(), "class", "c-title");
        h.close("summary");

        h.open("div", "class", "detail");
        if (notBlank(now.getSummary())) {
            h.element("p", now.getSummary(), "class", "summary");
        }
        facts(h, entry, history);
        h.element("h3", "Timeline");
        h.raw(TimelineStrip.render(entry));
        timeline(h, entry);
        causes(h, now);
        remediation(h, now);
        h.close("div");
        return h.close("details").toString();
    }

    /** The fragment a deep link points at: {@code #/incident/<id>}, the id's path characters kept readable. */
    static String link(String id) {
        StringBuilder b = new StringBuilder("#/incident/");
        for (byte c : id.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/:".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c & 0xff));
            }
        }
        return b.toString();
    }

    /** An element id for the incident (ids may not contain every character an incident id can). */
    static String anchor(String id) {
        return "incident-" + Integer.toHexString(id.hashCode()) + "-" + id.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static void facts(Html h, IncidentHistory.Entry entry, IncidentHistory history) {
        Incident now = entry.latest();
        h.open("dl", "class", "facts");
        fact(h, "Incident", now.getId() + (now.getOccurrence() > 1 ? " (occurrence " + now.getOccurrence() + ")" : ""));
        fact(h, "Phase", String.valueOf(now.getPhase()));
        if (now.getWorkload() != null) {
            fact(h, "Workload", now.getWorkload().getKind() + " " + now.getWorkload().getName()
                    + (now.getNamespace() != null ? " in " + now.getNamespace() : ""));
        }
        list(h, "Pods", now.getPods());
        list(h, "Nodes", now.getNodes());
        List<String> affected = new ArrayList<>();
        for (AffectedWorkload w : now.getAffectedWorkloads()) {
            affected.add(w.getNamespace() + "/" + w.getKind() + "/" + w.getName());
        }
        list(h, "Workloads hit", affected);
        fact(h, "Seen", PageTimes.full(now.getFirstSeen()) + " .. " + PageTimes.full(now.getLastSeen())
                + ", " + now.getSignalCount() + " signals");
        chain(h, entry, history);
        if (notBlank(now.getResolution())) {
            fact(h, "Resolution", now.getResolution());
        }
        h.close("dl");
    }

    /** The phases this workload went through: what it follows, back to the first, and what followed it. */
    private static void chain(Html h, IncidentHistory.Entry entry, IncidentHistory history) {
        List<String> before = new ArrayList<>();
        String previous = entry.latest().getFollows();
        while (previous != null && !before.contains(previous) && before.size() < 16) {
            before.add(0, previous);
            IncidentHistory.Entry earlier = history.entry(previous);
            previous = earlier == null ? null : earlier.latest().getFollows();
        }
        List<String> after = new ArrayList<>();
        List<String> next = history.followers(entry.id());
        while (!next.isEmpty() && !after.contains(next.get(0)) && after.size() < 16) {
            after.add(next.get(0));
            next = history.followers(next.get(0));
        }
        if (before.isEmpty() && after.isEmpty()) {
            return;
        }
        h.element("dt", "Phases");
        h.open("dd").open("ol", "class", "chain");
        for (String id : before) {
            chainLink(h, id, history);
        }
        h.open("li", "class", "this").text(entry.latest().getCategory()).close("li");
        for (String id : after) {
            chainLink(h, id, history);
        }
        h.close("ol").close("dd");
    }

    private static void chainLink(Html h, String id, IncidentHistory history) {
        IncidentHistory.Entry other = history.entry(id);
        String label = other != null ? other.latest().getCategory() : id.substring(id.lastIndexOf('/') + 1);
        h.open("li").element("a", label, "href", link(id), "title", id).close("li");
    }

    /** Transitions and evidence on one time axis, oldest first; a transition before evidence of the same time. */
    private static void timeline(Html h, IncidentHistory.Entry entry) {
        record Line(Instant time, int order, Incident transition, Evidence evidence) {
        }
        List<Line> lines = new ArrayList<>();
        for (Incident t : entry.transitions()) {
            lines.add(new Line(IncidentHistory.Entry.time(t), 0, t, null));
        }
        for (Evidence e : entry.evidence()) {
            lines.add(new Line(e.getTime(), 1, null, e));
        }
        lines.sort(java.util.Comparator.comparing(Line::time).thenComparingInt(Line::order));
        h.open("ol", "class", "timeline");
        for (Line line : lines) {
            if (line.transition() != null) {
                Incident t = line.transition();
                String status = t.getStatus().name();
                h.open("li", "class", "t-transition st-" + lower(status));
                h.element("time", PageTimes.clock(line.time()), "datetime", IncidentJson.time(line.time()),
                        "title", PageTimes.full(line.time()));
                h.element("span", status, "class", "badge st-" + lower(status));
                h.element("span", t.getSeverity() + " " + t.getTitle(), "class", "what");
                if (t.getStatus().name().equals("RESOLVED") && notBlank(t.getResolution())) {
                    h.element("span", t.getResolution(), "class", "why");
                }
                h.close("li");
            } else {
                Evidence e = line.evidence();
                // Focusable, so a tap shows a long message whole (it is clamped to two lines until then).
                h.open("li", "class", "t-evidence", "tabindex", "0");
                h.element("time", PageTimes.clock(line.time()), "datetime", IncidentJson.time(line.time()),
                        "title", PageTimes.full(line.time()));
                h.element("span", e.getKind() + "/" + e.getName(), "class", "obj");
                if (notBlank(e.getReason())) {
                    h.element("span", e.getReason() + (e.getCount() > 1 ? " ×" + e.getCount() : ""), "class", "reason");
                }
                if (notBlank(e.getMessage())) {
                    h.element("span", e.getMessage(), "class", "msg");
                }
                h.close("li");
            }
        }
        h.close("ol");
    }

    private static void causes(Html h, Incident now) {
        if (now.getCauses().isEmpty()) {
            return;
        }
        h.element("h3", "Causes, most likely first");
        h.open("ol", "class", "causes");
        for (Cause c : now.getCauses()) {
            h.open("li");
            h.element("span", Math.round(c.getConfidence() * 100) + "%", "class", "conf");
            h.element("span", c.getCause(), "class", "cause");
            if (!c.getEvidence().isEmpty()) {
                h.open("ul", "class", "ev");
                for (String e : c.getEvidence()) {
                    h.open("li").element("code", e).close("li");
                }
                h.close("ul");
            }
            h.close("li");
        }
        h.close("ol");
    }

    private static void remediation(Html h, Incident now) {
        if (now.getRemediation().isEmpty()) {
            return;
        }
        h.element("h3", "Next steps");
        h.open("ol", "class", "steps");
        for (RemediationStep step : now.getRemediation()) {
            h.open("li").element("p", step.getStep());
            for (String command : step.getCommands()) {
                // The button is shown by the script (copying needs it); without script the command is still selectable.
                h.open("div", "class", "cmd").element("code", command)
                        .element("button", "Copy", "type", "button", "class", "copy", "hidden", "")
                        .close("div");
            }
            h.close("li");
        }
        h.close("ol");
    }

    private static void fact(Html h, String label, String value) {
        h.element("dt", label).element("dd", value);
    }

    private static void list(Html h, String label, List<String> values) {
        if (!values.isEmpty()) {
            fact(h, label, String.join(", ", values));
        }
    }

    private static String namespace(Incident incident) {
        return incident.getNamespace() != null ? incident.getNamespace() : "";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
