package dev.incidents.shipper;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts watch restarts by looking at the requests the client sends: an informer's first watch of a resource
 * path is its start, every further one is a restart (a dropped connection, a timeout, or a relist after
 * {@code 410 Gone}). fabric8 handles these inside its reflector without a callback, so the HTTP layer is the
 * one place that sees them all.
 */
final class WatchRequests implements Interceptor {
    private final Map<String, Boolean> started = new ConcurrentHashMap<>();
    private final ShipperMetrics metrics;

    WatchRequests(ShipperMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        String query = request.uri().getRawQuery();
        if (query == null || !query.contains("watch=true")) {
            return;
        }
        String path = request.uri().getPath();
        if (started.putIfAbsent(path, Boolean.TRUE) != null) {
            metrics.watchRestarted(kindOf(path));
        }
    }

    /** "/api/v1/namespaces/x/pods" -> "pod"; "/apis/events.k8s.io/v1/events" -> "event". */
    static String kindOf(String path) {
        String resource = path.substring(path.lastIndexOf('/') + 1);
        if (resource.endsWith("ies")) {
            return resource.substring(0, resource.length() - 3) + "y";
        }
        return resource.endsWith("s") ? resource.substring(0, resource.length() - 1) : resource;
    }
}
