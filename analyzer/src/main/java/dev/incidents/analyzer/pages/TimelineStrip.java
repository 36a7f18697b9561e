package dev.incidents.analyzer.pages;

import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.schemas.Evidence;
import dev.incidents.schemas.Incident;
import java.time.Instant;
import java.util.Locale;

/**
 * One incident's transitions and evidence on one time axis, as a small inline SVG above its timeline list: when the
 * evidence came, when it opened, updated and resolved. Classes only (no style attributes), so the live page's
 * Content-Security-Policy needs no inline styles.
 */
final class TimelineStrip {
    private static final double WIDTH = 600;
    private static final double LEFT = 8;
    private static final double RIGHT = WIDTH - 8;
    private static final double AXIS = 22;

    private TimelineStrip() {
    }

    static String render(IncidentHistory.Entry entry) {
        Instant from = entry.start();
        Instant to = IncidentHistory.Entry.time(entry.latest());
        for (Evidence e : entry.evidence()) {
            to = e.getTime().isAfter(to) ? e.getTime() : to;
        }
        if (!to.isAfter(from)) {
            to = from.plusSeconds(60);
        }
        Axis axis = new Axis(from, to);
        Html h = new Html().open("svg", "class", "strip", "viewBox", "0 0 " + fmt(WIDTH) + " 44",
                "role", "img", "aria-label", "timeline of " + entry.id());
        h.open("line", "class", "axis", "x1", fmt(LEFT), "x2", fmt(RIGHT), "y1", fmt(AXIS), "y2", fmt(AXIS)).close("line");
        Incident first = entry.transitions().get(0);
        Instant opened = IncidentHistory.Entry.time(first);
        Instant ended = entry.end() != null ? entry.end() : to;
        h.open("rect", "class", "bar st-" + lower(entry.latest().getStatus().name()), "x", fmt(axis.x(opened)),
                "y", fmt(AXIS - 5), "width", fmt(Math.max(2, axis.x(ended) - axis.x(opened))), "height", "10").close("rect");
        for (Evidence e : entry.evidence()) {
            double x = axis.x(e.getTime());
            h.open("line", "class", "ev-tick", "x1", fmt(x), "x2", fmt(x), "y1", fmt(AXIS - 10), "y2", fmt(AXIS + 10));
            h.element("title", PageTimes.clock(e.getTime()) + " " + e.getKind() + "/" + e.getName() + " "
                    + (e.getReason() == null ? "" : e.getReason()));
            h.close("line");
        }
        for (Incident t : entry.transitions()) {
            Instant time = IncidentHistory.Entry.time(t);
            h.open("circle", "class", "mk st-" + lower(t.getStatus().name()), "cx", fmt(axis.x(time)), "cy", fmt(AXIS), "r", "5");
            h.element("title", PageTimes.clock(time) + " " + t.getStatus());
            h.close("circle");
        }
        h.element("text", PageTimes.clock(from), "class", "tick-label", "x", fmt(LEFT), "y", "42");
        h.element("text", PageTimes.clock(to), "class", "tick-label end", "x", fmt(RIGHT), "y", "42", "text-anchor", "end");
        h.open("desc").text(IncidentJson.time(from) + " to " + IncidentJson.time(to)).close("desc");
        return h.close("svg").toString();
    }

    /** Event time to x between {@link #LEFT} and {@link #RIGHT}. */
    private record Axis(Instant from, Instant to) {
        double x(Instant t) {
            double span = to.toEpochMilli() - from.toEpochMilli();
            return LEFT + (RIGHT - LEFT) * (t.toEpochMilli() - from.toEpochMilli()) / span;
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
