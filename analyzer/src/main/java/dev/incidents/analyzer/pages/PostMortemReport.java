package dev.incidents.analyzer.pages;

import dev.incidents.analyzer.render.IncidentJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code replay --output html}: one self-contained HTML file for a post-mortem. A summary, a chart of every incident
 * over the recording's time span, and each incident's detail (the same {@link IncidentArticle} as the live page).
 * Stylesheet and script are inline and allowed by their hashes in the file's own Content-Security-Policy, which also
 * forbids every request: the file loads nothing, wherever it is opened or attached. The incidents' JSON (DESIGN
 * section 5, latest state of each) rides along in a data block for whoever wants to process them further. Nothing in
 * it depends on when it was written, so the same recording gives the same bytes.
 */
public final class PostMortemReport {

    /** What the report says about its input. */
    public record Source(List<String> files, long records) {
    }

    private PostMortemReport() {
    }

    public static String render(IncidentHistory history, Source source) {
        List<IncidentHistory.Entry> entries = history.entries();
        String css = PageResources.read("app.css");
        String script = PageResources.read("app.js");
        String head = new Html().open("meta", "http-equiv", "Content-Security-Policy", "content",
                        "default-src 'none'; style-src '" + sha256(css) + "'; script-src '" + sha256(script)
                                + "'; img-src data:; base-uri 'none'; form-action 'none'")
                .raw("\n<style>").raw(css).raw("</style>").toString();
        String files = String.join(", ", source.files());
        String json = entries.stream().map(e -> IncidentJson.toJson(e.latest())).collect(Collectors.joining(",\n"));
        String tail = "<script type=\"application/json\" id=\"incident-data\">[" + Html.scriptJson(json) + "]</script>\n"
                + "<script>" + script + "</script>";
        return PageResources.fill(PageResources.read("page.html"), Map.ofEntries(
                Map.entry("head", head),
                Map.entry("title", Html.escape("Post-mortem: " + files)),
                Map.entry("page", "report"),
                Map.entry("heading", "Incident post-mortem"),
                Map.entry("subtitle", Html.escape(files + " · " + source.records() + " records replayed")),
                Map.entry("counts", Html.escape(PageRows.counts(entries))),
                Map.entry("overview", overview(entries)),
                Map.entry("header", entries.isEmpty() ? "" : IncidentArticle.header()),
                Map.entry("rows", PageRows.rows(history, entries)),
                Map.entry("max", "0"),
                Map.entry("emptyhidden", entries.isEmpty() ? "" : " hidden"),
                Map.entry("emptywhy", entries.isEmpty() ? " in this recording" : " match the filters"),
                Map.entry("footer", Html.escape("Written by incidents replay --output html. Event times in UTC. "
                        + "This file makes no network requests.")),
                Map.entry("tail", tail)));
    }

    private static String overview(List<IncidentHistory.Entry> entries) {
        if (entries.isEmpty()) {
            return "";
        }
        Instant from = entries.stream().map(IncidentHistory.Entry::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = entries.stream().map(e -> IncidentHistory.Entry.time(e.latest())).max(Comparator.naturalOrder())
                .orElseThrow();
        long open = entries.stream().filter(IncidentHistory.Entry::open).count();
        long critical = entries.stream().filter(e -> "CRITICAL".equals(String.valueOf(e.latest().getSeverity()))).count();
        long transitions = entries.stream().mapToLong(e -> e.transitions().size()).sum();
        Html h = new Html().open("section", "class", "overview", "aria-label", "Summary");
        h.open("dl", "class", "stats");
        stat(h, "Incidents", String.valueOf(entries.size()));
        stat(h, "Still failing at the end", String.valueOf(open));
        stat(h, "Critical", String.valueOf(critical));
        stat(h, "Transitions", String.valueOf(transitions));
        stat(h, "Span", PageTimes.full(from) + " → " + PageTimes.clock(to) + "Z (" + PageTimes.duration(Duration.between(from, to)) + ")");
        h.close("dl");
        h.open("figure", "class", "chart-wrap");
        h.raw(TimelineChart.render(entries));
        h.open("figcaption", "class", "legend")
                .element("span", "critical", "class", "key sev-critical")
                .element("span", "warning", "class", "key sev-warning")
                .element("span", "resolved", "class", "key st-resolved")
                .element("span", "still failing at the end", "class", "key ongoing")
                .element("span", "→ followed by (next phase)", "class", "key follows")
                .text(" Bars run from the first evidence to the resolution; dots are OPEN, UPDATED and RESOLVED.")
                .close("figcaption");
        h.close("figure");
        SeenTogether.list(h, "Seen together", SeenTogether.groups(entries));
        h.element("h2", "Incidents");
        return h.close("section").toString();
    }

    private static void stat(Html h, String label, String value) {
        h.open("div").element("dt", label).element("dd", value).close("div");
    }

    /** The CSP source for an inline element's exact text. */
    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
