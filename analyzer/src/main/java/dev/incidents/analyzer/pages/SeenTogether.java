package dev.incidents.analyzer.pages;

import dev.incidents.analyzer.render.IncidentGroups;
import dev.incidents.schemas.Incident;
import java.util.List;

/**
 * The incidents that are one problem to on-call ({@link IncidentGroups}: several workloads of a namespace, or several
 * nodes, failing alike at once; one notification), each group in one line. The post-mortem page lists every group of
 * its recording; the live page lists the groups of the incidents open now, and replaces the list as transitions arrive.
 */
final class SeenTogether {
    /** The live page's section, which {@code live.js} replaces when the server sends a new one. */
    static final String LIVE_ID = "together";

    private SeenTogether() {
    }

    /** The groups of more than one among {@code entries}. */
    static List<IncidentGroups.Group> groups(List<IncidentHistory.Entry> entries) {
        return IncidentGroups.alike(entries.stream().map(IncidentHistory.Entry::latest).map(IncidentGroups.Member::of)
                .toList());
    }

    /** A heading and the groups' lines; nothing when there is no group. */
    static void list(Html h, String heading, List<IncidentGroups.Group> groups) {
        if (groups.isEmpty()) {
            return;
        }
        h.element("h2", heading);
        h.open("ul", "class", "groups");
        groups.forEach(g -> h.element("li", g.describe()));
        h.close("ul");
    }

    /** The live page's section: the groups among the open incidents, hidden while there is none. */
    static String live(List<IncidentHistory.Entry> entries) {
        return open(entries.stream().filter(IncidentHistory.Entry::open).map(IncidentHistory.Entry::latest).toList());
    }

    /** {@link #live} of the open incidents' latest states ({@link IncidentHistory#openNow}). */
    static String open(List<Incident> open) {
        List<IncidentGroups.Group> groups = IncidentGroups.alike(open.stream().map(IncidentGroups.Member::of).toList());
        Html h = new Html();
        if (groups.isEmpty()) {
            h.open("section", "class", "together", "id", LIVE_ID, "aria-label", "Open together", "hidden", "hidden");
        } else {
            h.open("section", "class", "together", "id", LIVE_ID, "aria-label", "Open together");
        }
        list(h, "Open together", groups);
        return h.close("section").toString();
    }
}
