package dev.incidents.analyzer.live;

import dev.incidents.analyzer.IncidentTopology;
import dev.incidents.analyzer.live.HttpSurface.Response;
import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.schemas.IncidentStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * What {@code analyze} answers over HTTP. {@code /incidents} reads the {@code incidents} store of this instance
 * and, unless asked for {@code ?local=true}, of every other instance that hosts part of it (found through the
 * Streams metadata and its {@code application.server}): the store is partitioned by subject, so no single
 * instance holds all incidents.
 */
public final class AnalyzerRoutes {
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(5);

    private final AnalyzerService service;
    private final PrometheusMeterRegistry registry;
    private final HostInfo self;
    private final HttpClient peers;
    private final String peerScheme;
    private final String peerToken;
    private final Map<List<String>, AtomicLong> openGauges = new ConcurrentHashMap<>();

    /** {@code self} is this instance's {@code application.server} (null when it has none: a single instance). */
    public AnalyzerRoutes(AnalyzerService service, PrometheusMeterRegistry registry, HostInfo self) {
        this(service, registry, self, null, null);
    }

    /**
     * ... asking the other instances over HTTPS, trusting the shared certificate chain, when {@code tls} is given, and
     * with the shared bearer token when {@code token} is.
     */
    public AnalyzerRoutes(AnalyzerService service, PrometheusMeterRegistry registry, HostInfo self, HttpTls tls, String token) {
        this.service = service;
        this.registry = registry;
        this.self = self;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(PEER_TIMEOUT);
        if (tls != null) {
            client.sslContext(tls.peers());
        }
        this.peers = client.build();
        this.peerScheme = tls == null ? "http" : "https";
        this.peerToken = token;
    }

    public Map<String, Function<Map<String, String>, Response>> routes() {
        Map<String, Function<Map<String, String>, Response>> routes = new LinkedHashMap<>();
        routes.put("/healthz", q -> healthz());
        routes.put("/readyz", q -> readyz());
        routes.put("/metrics", q -> metrics());
        routes.put("/incidents", this::incidents);
        return routes;
    }

    /** Alive unless Streams has given up (ERROR, or shutting down for good): that is when a restart helps. */
    Response healthz() {
        KafkaStreams.State state = service.state();
        boolean alive = state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR
                && state != KafkaStreams.State.NOT_RUNNING;
        return Response.text(alive ? 200 : 503, state + "\n");
    }

    /** Ready when RUNNING: restoring or rebalancing instances answer 503 so traffic goes elsewhere. */
    Response readyz() {
        KafkaStreams.State state = service.state();
        return Response.text(state == KafkaStreams.State.RUNNING ? 200 : 503, state + "\n");
    }

    Response metrics() {
        refreshOpenIncidents();
        return new Response(200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
    }

    Response incidents(Map<String, String> query) {
        IncidentFilter filter = IncidentFilter.fromQuery(query);
        List<String> bodies;
        try {
            bodies = service.localIncidents(filter).stream().map(IncidentJson::toJson)
                    .collect(Collectors.toCollection(ArrayList::new));
        } catch (InvalidStateStoreException e) {
            return Response.text(503, "incidents store not queryable yet (" + service.state() + ")\n");
        }
        if (!"true".equals(query.get("local")) && self != null) {
            for (HostInfo peer : peers()) {
                String remote = fetch(peer, query);
                if (remote == null) {
                    return Response.text(502, "instance " + peer.host() + ":" + peer.port() + " did not answer\n");
                }
                String inner = remote.strip();
                if (inner.length() > 2) {
                    bodies.add(inner.substring(1, inner.length() - 1));
                }
            }
        }
        return Response.json(200, "[" + String.join(",\n", bodies) + "]\n");
    }

    private List<HostInfo> peers() {
        return service.streams().streamsMetadataForStore(IncidentTopology.INCIDENTS_STORE).stream()
                .map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self))
                .distinct()
                .sorted(Comparator.comparing(HostInfo::host).thenComparingInt(HostInfo::port))
                .toList();
    }

    private String fetch(HostInfo peer, Map<String, String> query) {
        StringBuilder uri = new StringBuilder(peerScheme).append("://").append(peer.host()).append(':').append(peer.port())
                .append("/incidents?local=true");
        query.forEach((k, v) -> {
            if (!"local".equals(k)) {
                uri.append('&').append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(PEER_TIMEOUT).GET();
            if (peerToken != null) {
                request.header("Authorization", "Bearer " + peerToken);
            }
            HttpResponse<String> response = peers.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Open incidents of this instance by category and severity; categories seen once stay at 0 afterwards. */
    private void refreshOpenIncidents() {
        Map<List<String>, Long> counts;
        try {
            counts = service.localIncidents(IncidentFilter.ALL).stream()
                    .filter(i -> i.getStatus() != IncidentStatus.RESOLVED)
                    .collect(Collectors.groupingBy(i -> List.of(i.getCategory(), i.getSeverity().name()),
                            Collectors.counting()));
        } catch (InvalidStateStoreException e) {
            return;
        }
        openGauges.values().forEach(g -> g.set(0));
        counts.forEach((key, count) -> openGauges.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("incidents.open", value, AtomicLong::get)
                    .description("incidents not RESOLVED, hosted by this instance")
                    .tag("category", k.get(0)).tag("severity", k.get(1))
                    .register(registry);
            return value;
        }).set(count));
    }
}
