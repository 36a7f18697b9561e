package dev.incidents.shipper.kubeapi;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * fabric8's Kubernetes mock API server in CRUD mode (it stores objects and serves list + watch), wrapped so that
 * it also answers API discovery, which the real {@code kubectl} needs before it sends anything, and so that a test
 * can force what the mock never does on its own: a watch answered with {@code 410 Gone}, or dropped watches.
 */
public final class MockApiServer implements AutoCloseable {
    /** MockWebServer logs every request through java.util.logging at INFO; held here so the level sticks. */
    private static final java.util.logging.Logger QUIET = quiet("io.fabric8.mockwebserver");

    private final KubernetesMockServer server;
    private final Set<WebSocket> openWatches = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> goneWatches = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> watchRequests = new ConcurrentHashMap<>();

    private MockApiServer(boolean eventsV1Served) {
        KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(List.of());
        ApiDiscovery discovery = new ApiDiscovery(eventsV1Served);
        Dispatcher dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                if ("GET".equals(request.getMethod())) {
                    var document = discovery.answer(path);
                    if (document.isPresent()) {
                        return new MockResponse().setResponseCode(200)
                                .setHeader("Content-Type", "application/json").setBody(document.get());
                    }
                }
                if (isWatch(path)) {
                    String resource = resourceOf(path);
                    watchRequests.computeIfAbsent(resource, r -> new AtomicInteger()).incrementAndGet();
                    if (goneWatches.remove(resource)) {
                        return gone();
                    }
                    return tracked(crud.dispatch(request));
                }
                MockResponse response = crud.dispatch(statusWithoutQuery(request));
                if ("POST".equals(request.getMethod()) && resourceOf(path).equals("customresourcedefinitions")
                        && response.code() / 100 == 2) {
                    // the created object as the server stored it; the request body was consumed by the CRUD dispatcher
                    discovery.serve(Serialization.unmarshal(new String(response.getBody().getBytes(),
                            java.nio.charset.StandardCharsets.UTF_8), CustomResourceDefinition.class));
                }
                return response;
            }

            @Override
            public void shutdown() {
                crud.shutdown();
            }
        };
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    }

    /** Starts a server on a free port; {@code eventsV1Served=false} makes it look like a cluster with only core/v1 Events. */
    public static MockApiServer start(boolean eventsV1Served) {
        MockApiServer api = new MockApiServer(eventsV1Served);
        api.server.start();
        return api;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** A fabric8 client configuration pointing at this server, as a kubeconfig would give it. */
    public Config clientConfig() {
        return new ConfigBuilder(Config.empty()).withMasterUrl(url()).withNamespace("default").withHttp2Disable(true).build();
    }

    /** Writes a kubeconfig for this server, for kubectl and for {@code ship --kubeconfig}. */
    public Path writeKubeconfig(Path file) {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    user: mock
                    namespace: default
                current-context: mock
                users:
                - name: mock
                  user:
                    token: not-checked
                """.formatted(url());
        try {
            Files.writeString(file, kubeconfig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * The next watch of {@code resource} (plural, e.g. "pods") is answered like an API server whose watch cache no
     * longer has the requested resourceVersion: an ERROR event carrying a 410 Gone Status, then the stream ends.
     */
    public void failNextWatchWithGone(String resource) {
        goneWatches.add(resource);
    }

    /** Closes every open watch stream, as an API server restart or a load balancer timeout does. */
    public int disconnectWatches() {
        int closed = 0;
        for (WebSocket socket : List.copyOf(openWatches)) {
            socket.close(1000, "closed by test");
            openWatches.remove(socket);
            closed++;
        }
        return closed;
    }

    /** How many watch requests arrived for {@code resource} (plural) so far. */
    public int watchRequests(String resource) {
        AtomicInteger count = watchRequests.get(resource);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.shutdown();
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    /**
     * A write to a {@code /status} subresource without its query: the CRUD mock tells a status write by the path
     * ending in {@code /status}, and kubectl adds {@code ?fieldManager=...}, so the status patch was applied as a
     * main-resource patch, which keeps the stored status (the CRD has a status subresource) and changes nothing.
     */
    private static RecordedRequest statusWithoutQuery(RecordedRequest request) {
        String path = request.getPath();
        int query = path.indexOf('?');
        if (query < 0 || !path.substring(0, query).endsWith("/status")) {
            return request;
        }
        return new RecordedRequest(request.getHttpVersion(), request.method(), path.substring(0, query),
                request.getHeaders(), request.getBody());
    }

    private static boolean isWatch(String path) {
        return path.contains("watch=true") || path.contains("watch=1");
    }

    /** "/api/v1/namespaces/x/pods?watch=true" -> "pods". */
    private static String resourceOf(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private MockResponse tracked(MockResponse response) {
        WebSocketListener delegate = response.getWebSocketListener();
        if (delegate == null) {
            return response;
        }
        return response.withWebSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response r) {
                openWatches.add(webSocket);
                delegate.onOpen(webSocket, r);
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                delegate.onMessage(webSocket, text);
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                openWatches.remove(webSocket);
                delegate.onClosing(webSocket, code, reason);
            }

            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                openWatches.remove(webSocket);
                delegate.onClosed(webSocket, code, reason);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response r) {
                openWatches.remove(webSocket);
                delegate.onFailure(webSocket, t, r);
            }
        });
    }

    private static MockResponse gone() {
        Status status = new StatusBuilder().withStatus("Failure").withCode(410).withReason("Expired")
                .withMessage("too old resource version: 1 (2)").build();
        String event = "{\"type\":\"ERROR\",\"object\":" + Serialization.asJson(status) + "}";
        return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                webSocket.send(event);
                webSocket.close(1000, "gone");
            }
        });
    }
}
