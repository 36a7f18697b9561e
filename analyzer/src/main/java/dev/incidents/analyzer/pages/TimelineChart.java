package dev.incidents.analyzer.pages;

import static dev.incidents.analyzer.pages.TimelineStrip.fmt;

import dev.incidents.analyzer.render.IncidentConsole;
import dev.incidents.schemas.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's chart: every incident of the recording on one time axis, in the order they started. A bar from its
 * first evidence to its resolution (or on to the end of the recording while it is still failing), its transitions
 * as marks, its duration beside it, and an arrow from an incident to the one that followed it in the next phase.
 * Each row links to the incident's detail. Inline SVG, classes only.
 */
final class TimelineChart {
    private static final double WIDTH = 1000;
    private static final double PLOT_LEFT = 290;
    private static final double PLOT_RIGHT = WIDTH - 70;
    private static final double TOP = 34;
    private static final double ROW = 28;
    private static final int LABEL_CHARS = 40;
    private static final List<Duration> STEPS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(7));

    private TimelineChart() {
    }

    static String render(List<IncidentHistory.Entry> entries) {
        List<IncidentHistory.Entry> rows = new ArrayList<>(entries);
        rows.sort(Comparator.comparing(IncidentHistory.Entry::start).thenComparing(IncidentHistory.Entry::id));
        Instant from = rows.stream().map(IncidentHistory.Entry::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = rows.stream().map(TimelineChart::lastTime).max(Comparator.naturalOrder()).orElseThrow();
        if (!to.isAfter(from)) {
            to = from.plusSeconds(60);
        }
        Instant start = from;
        Instant end = to;
        double height = TOP + rows.size() * ROW + 8;
        Html h = new Html().open("svg", "class", "chart", "viewBox", "0 0 " + fmt(WIDTH) + " " + fmt(height),
                "role", "img", "aria-label", "incidents from " + PageTimes.full(from) + " to " + PageTimes.full(to));
        h.open("defs").open("marker", "id", "arrow", "viewBox", "0 0 10 10", "refX", "9", "refY", "5",
                "markerWidth", "7", "markerHeight", "7", "orient", "auto-start-reverse")
                .open("path", "class", "arrow-head", "d", "M 0 0 L 10 5 L 0 10 z").close("path")
                .close("marker").close("defs");
        axis(h, start, end, height);

        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            rowOf.put(rows.get(i).id(), i);
        }
        for (int i = 0; i < rows.size(); i++) {
            IncidentHistory.Entry entry = rows.get(i);
            Incident now = entry.latest();
            double y = TOP + i * ROW + ROW / 2;
            double x0 = x(entry.start(), start, end);
            double x1 = x(entry.end() != null ? entry.end() : end, start, end);
            String status = lower(now.getStatus().name());
            h.open("a", "href", IncidentArticle.link(entry.id()), "class", "chart-row", "data-id", entry.id());
            h.element("title", entry.id() + " — " + now.getTitle());
            h.open("text", "class", "row-label", "x", fmt(PLOT_LEFT - 10), "y", fmt(y - 2), "text-anchor", "end")
                    .element("tspan", cut(now.getCategory()), "class", "cat")
                    .element("tspan", cut(IncidentConsole.subject(now)), "class", "where", "x", fmt(PLOT_LEFT - 10), "dy", "12")
                    .close("text");
            h.open("rect", "class", "bar sev-" + lower(String.valueOf(now.getSeverity())) + " st-" + status
                            + (entry.end() == null ? " ongoing" : ""),
                    "x", fmt(x0), "y", fmt(y - 7), "width", fmt(Math.max(3, x1 - x0)), "height", "14", "rx", "2").close("rect");
            for (Incident t : entry.transitions()) {
                double x = x(IncidentHistory.Entry.time(t), start, end);
                h.open("circle", "class", "mk st-" + lower(t.getStatus().name()), "cx", fmt(x), "cy", fmt(y), "r", "4").close("circle");
            }
            String duration = PageTimes.duration(Duration.between(entry.start(), entry.end() != null ? entry.end() : end))
                    + (entry.end() == null ? "+" : "");
            h.element("text", duration, "class", "dur-label", "x", fmt(x1 + 6), "y", fmt(y + 4));
            h.close("a");
        }
        for (int i = 0; i < rows.size(); i++) {
            String follows = rows.get(i).latest().getFollows();
            Integer j = follows == null ? null : rowOf.get(follows);
            if (j != null) {
                IncidentHistory.Entry earlier = rows.get(j);
                double fromX = x(earlier.end() != null ? earlier.end() : end, start, end);
                double fromY = TOP + j * ROW + ROW / 2;
                double toX = x(rows.get(i).start(), start, end);
                double toY = TOP + i * ROW + ROW / 2 + (i > j ? -7 : 7);
                double bend = Math.max(12, Math.abs(toY - fromY) / 2);
                h.open("path", "class", "follows", "marker-end", "url(#arrow)", "d", "M " + fmt(fromX) + " " + fmt(fromY)
                        + " C " + fmt(fromX + bend) + " " + fmt(fromY) + ", " + fmt(toX) + " " + fmt(toY - (i > j ? bend : -bend))
                        + ", " + fmt(toX) + " " + fmt(toY)).close("path");
            }
        }
        return h.close("svg").toString();
    }

    private static void axis(Html h, Instant start, Instant end, double height) {
        Duration span = Duration.between(start, end);
        Duration step = STEPS.stream().filter(s -> span.dividedBy(s) <= 8).findFirst().orElse(Duration.ofDays(30));
        long stepMillis = step.toMillis();
        long first = (start.toEpochMilli() + stepMillis - 1) / stepMillis * stepMillis;
        String startDay = PageTimes.day(start);
        for (long t = first; t <= end.toEpochMilli(); t += stepMillis) {
            Instant tick = Instant.ofEpochMilli(t);
            double x = x(tick, start, end);
            h.open("line", "class", "grid", "x1", fmt(x), "x2", fmt(x), "y1", fmt(TOP - 6), "y2", fmt(height - 4)).close("line");
            String label = step.compareTo(Duration.ofMinutes(1)) < 0 ? PageTimes.clock(tick) : PageTimes.minutes(tick);
            if (!PageTimes.day(tick).equals(startDay) || step.compareTo(Duration.ofDays(1)) >= 0) {
                label = PageTimes.day(tick) + " " + label;
            }
            h.element("text", label, "class", "tick-label", "x", fmt(x), "y", fmt(TOP - 12), "text-anchor", "middle");
        }
        h.element("text", PageTimes.day(start) + " UTC", "class", "tick-label day", "x", fmt(PLOT_LEFT - 8),
                "y", fmt(TOP - 12), "text-anchor", "end");
    }

    private static Instant lastTime(IncidentHistory.Entry entry) {
        Instant last = IncidentHistory.Entry.time(entry.latest());
        for (var e : entry.evidence()) {
            last = e.getTime().isAfter(last) ? e.getTime() : last;
        }
        return last;
    }

    private static double x(Instant t, Instant start, Instant end) {
        double span = end.toEpochMilli() - start.toEpochMilli();
        return PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * (t.toEpochMilli() - start.toEpochMilli()) / span;
    }

    private static String cut(String label) {
        return label.length() <= LABEL_CHARS ? label : "…" + label.substring(label.length() - LABEL_CHARS + 1);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
