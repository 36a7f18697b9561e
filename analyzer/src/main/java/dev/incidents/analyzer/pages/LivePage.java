package dev.incidents.analyzer.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.analyzer.live.HttpSurface.Response;
import dev.incidents.analyzer.live.HttpSurface.StreamRoute;
import dev.incidents.schemas.Incident;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The live incident page {@code analyze} serves at {@code /}: every incident on the incident topic (all instances'
 * partitions, so any instance shows the whole fleet), open ones first, each with its timeline; kept current by
 * Server-Sent Events on {@code /events}. The first response is complete HTML (readable without script); the script
 * ({@code /app.js}, {@code /live.js}) adds filters, deep links, copy buttons and the live updates. Everything comes
 * from the jar, and the Content-Security-Policy allows nothing else: no inline script or style, no other origin.
 */
public final class LivePage implements AutoCloseable {
    /** No inline script or style, no other origin, no framing; EventSource and the scripts from this origin only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /**
     * Rows on the page: open incidents first, then the most recently active. Each row carries its whole detail, so a
     * fleet's thousands of resolved incidents would make a page of many megabytes; {@code /incidents} has them all.
     */
    static final int MAX_ROWS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PAGE_HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");
    private static final Map<String, String> ASSET_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-cache");

    private final IncidentHistory history = new IncidentHistory();
    private final EventStreams streams = new EventStreams();
    private final String source;
    private final String template = PageResources.read("page.html");
    private final String css = PageResources.read("app.css");
    private final String appJs = PageResources.read("app.js");
    private final String liveJs = PageResources.read("live.js");

    /** @param source where the incidents come from, shown under the heading (e.g. the topic and brokers) */
    public LivePage(String source) {
        this.source = source;
    }

    /**
     * The open groups last sent to every client ({@link SeenTogether#live}), null when unknown (nobody was listening);
     * touched by the writer thread only.
     */
    private String together = "";
    /** A together event is queued and not computed yet: the transitions after it need no event of their own. */
    private final AtomicBoolean togetherQueued = new AtomicBoolean();

    /**
     * A transition read from the incident topic (the feed's thread). Its events are rendered on the writer thread when
     * they are sent, and only for clients connected then; the open groups once per burst of transitions.
     */
    public void accept(Incident transition) {
        history.add(transition);
        String id = transition.getId();
        streams.publish(() -> streams.listened() ? incidentEvent(id) : "");
        if (togetherQueued.compareAndSet(false, true)) {
            streams.publish(this::togetherEvent);
        }
        if (transition.getFollows() != null && history.entry(transition.getFollows()) != null) {
            // The earlier phase now has a successor to link to.
            String earlier = transition.getFollows();
            streams.publish(() -> streams.listened() ? incidentEvent(earlier) : "");
        }
    }

    public Map<String, Function<Map<String, String>, Response>> routes() {
        Map<String, Function<Map<String, String>, Response>> routes = new LinkedHashMap<>();
        routes.put("/", q -> new Response(200, "text/html; charset=utf-8", page(), PAGE_HEADERS));
        routes.put("/app.css", q -> new Response(200, "text/css; charset=utf-8", css, ASSET_HEADERS));
        routes.put("/app.js", q -> new Response(200, "text/javascript; charset=utf-8", appJs, ASSET_HEADERS));
        routes.put("/live.js", q -> new Response(200, "text/javascript; charset=utf-8", liveJs, ASSET_HEADERS));
        return routes;
    }

    public Map<String, StreamRoute> streams() {
        return Map.of("/events", new StreamRoute() {
            @Override
            public String contentType() {
                return "text/event-stream; charset=utf-8";
            }

            @Override
            public void open(Map<String, String> query, OutputStream body) {
                streams.open(body, LivePage.this::snapshot);
            }
        });
    }

    String page() {
        List<IncidentHistory.Entry> all = history.entries();
        List<IncidentHistory.Entry> entries = all.subList(0, Math.min(MAX_ROWS, all.size()));
        String head = "<link rel=\"stylesheet\" href=\"app.css\">\n"
                + "<script src=\"app.js\" defer></script>\n<script src=\"live.js\" defer></script>";
        return PageResources.fill(template, Map.ofEntries(
                Map.entry("head", head),
                Map.entry("title", "Incidents"),
                Map.entry("page", "live"),
                Map.entry("heading", "Incidents"),
                Map.entry("subtitle", new Html().element("span", "connecting…", "id", "live-status", "class", "live off")
                        .text(" " + source).toString()),
                Map.entry("counts", Html.escape(PageRows.counts(entries))),
                Map.entry("overview", SeenTogether.live(all)),
                Map.entry("header", IncidentArticle.header()),
                Map.entry("rows", PageRows.rows(history, entries)),
                Map.entry("max", String.valueOf(MAX_ROWS)),
                Map.entry("emptyhidden", entries.isEmpty() ? "" : " hidden"),
                Map.entry("emptywhy", entries.isEmpty() ? " yet" : " match the filters"),
                Map.entry("footer", new Html().text("Served by incidents analyze. Event times in UTC. "
                                + (all.size() > MAX_ROWS ? "The " + MAX_ROWS + " most recent of " + all.size()
                                + " incidents (open ones first); all of them as JSON: " : "JSON: "))
                        .element("a", "/incidents", "href", "incidents").text(".").toString()),
                Map.entry("tail", "")));
    }

    private List<String> snapshot() {
        List<String> events = new ArrayList<>();
        List<IncidentHistory.Entry> entries = history.entries();
        for (IncidentHistory.Entry entry : entries.subList(0, Math.min(MAX_ROWS, entries.size()))) {
            events.add(incidentEvent(entry));
        }
        // the new client's own copy; what the others were sent last stays as it is, so a change still queued reaches them
        events.add(sectionEvent(SeenTogether.live(entries)));
        return events;
    }

    /** The open groups for every client when they changed since the last ones sent, else nothing. */
    private String togetherEvent() {
        togetherQueued.set(false); // a transition from now on queues another
        if (!streams.listened()) {
            together = null; // the next client's snapshot has its own; after it, send whatever they are
            return "";
        }
        String now = SeenTogether.open(history.openNow());
        if (now.equals(together)) {
            return "";
        }
        together = now;
        return sectionEvent(now);
    }

    private static String sectionEvent(String html) {
        return htmlEvent("together", SeenTogether.LIVE_ID, html);
    }

    private String incidentEvent(String id) {
        IncidentHistory.Entry entry = history.entry(id);
        return entry == null ? ": gone\n\n" : incidentEvent(entry);
    }

    private String incidentEvent(IncidentHistory.Entry entry) {
        return htmlEvent("incident", entry.id(), IncidentArticle.render(entry, history));
    }

    /** An event whose data is the id of what it replaces on the page and that thing's new HTML. */
    private static String htmlEvent(String event, String id, String html) {
        try {
            return EventStreams.event(event, JSON.writeValueAsString(Map.of("id", id, "html", html)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    int clients() {
        return streams.clients();
    }

    @Override
    public void close() {
        streams.close();
    }
}
