package dev.incidents.analyzer.live;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.pages.LivePage;
import dev.incidents.schemas.KafkaClientConfig;
import dev.incidents.schemas.KafkaRefusal;
import dev.incidents.schemas.TopicProvisioner;
import dev.incidents.schemas.TopicProvisioningException;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code incidents analyze}: the incident topology as a long-running Kafka Streams service with its HTTP surface.
 * It creates the DESIGN section 3 topics that are missing, runs until SIGTERM/SIGINT, then closes Streams (which
 * commits the open transaction) before the HTTP server goes, so {@code /readyz} turns 503 first.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the incident analyzer (Kafka Streams, exactly-once) on the cluster's topics.",
                "HTTP: / (the live incident page), /healthz, /readyz (Streams RUNNING), /metrics (Prometheus), /incidents "
                        + "(?cluster=&namespace=&category=&status=; all instances unless local=true)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:stopped by a signal", "1:Kafka or the HTTP port failed", "2:usage error"})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaConnection kafka;

    @Option(names = "--schema-registry", paramLabel = "URL",
            description = "Confluent-compatible schema registry; without it, Avro single-object encoding.")
    String schemaRegistry;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Analyzer settings (incidents.* keys: grace per category, quiet period, topics, ...).")
    Path analyzerConfig;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Cluster name for records that carry none.")
    String cluster;

    @Option(names = "--application-id", defaultValue = "incidents-analyzer",
            description = "Kafka Streams application.id (consumer group, internal topic prefix). Default: ${DEFAULT-VALUE}.")
    String applicationId;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${sys:java.io.tmpdir}/incidents-streams",
            description = "RocksDB state directory; a persistent volume in production. Default: ${DEFAULT-VALUE}.")
    Path stateDir;

    @Option(names = "--instance-id", paramLabel = "ID",
            description = "Static group membership (group.instance.id): a restart with the same id within the session "
                    + "timeout takes its tasks back at once. The pod name in a StatefulSet.")
    String instanceId;

    @Option(names = "--standby-replicas", defaultValue = "0",
            description = "num.standby.replicas: warm copies of the stores on other instances. Default: ${DEFAULT-VALUE}.")
    int standbyReplicas;

    @Option(names = "--application-server", paramLabel = "HOST:PORT",
            description = "How other instances reach this one's HTTP (application.server), for /incidents across instances.")
    String applicationServer;

    @Option(names = "--http-bind", defaultValue = "0.0.0.0", description = "HTTP bind address. Default: ${DEFAULT-VALUE}.")
    String httpBind;

    @Option(names = "--http-port", defaultValue = "8080", description = "HTTP port, 0 for any free one. Default: ${DEFAULT-VALUE}.")
    int httpPort;

    @Option(names = "--http-token-file", paramLabel = "FILE",
            description = "Bearer token guarding every path but /healthz, /readyz and /metrics (incident data: pod names, "
                    + "event messages). Instances of one application share it.")
    Path httpTokenFile;

    @Option(names = "--http-tls-key", paramLabel = "FILE",
            description = "PEM private key (PKCS#8, e.g. a kubernetes.io/tls Secret's tls.key): serve HTTPS. Needs --http-tls-cert.")
    Path httpTlsKey;

    @Option(names = "--http-tls-cert", paramLabel = "FILE",
            description = "PEM certificate chain, leaf first (tls.crt). Instances share it and trust it when they ask each other.")
    Path httpTlsCert;

    @Option(names = "--partitions", defaultValue = "3",
            description = "Partitions of the topics this creates when missing. Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication factor of the topics this creates when missing. Default: ${DEFAULT-VALUE}.")
    short replicationFactor;

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread shutdownHook;

    /** Stops a running {@link #call()} as SIGTERM does (for embedding and tests). */
    public void stop() {
        stopped.countDown();
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (partitions < 1 || replicationFactor < 1 || standbyReplicas < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--partitions and --replication-factor must be at least 1, --standby-replicas at least 0");
        }
        if ((httpTlsKey == null) != (httpTlsCert == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--http-tls-key and --http-tls-cert go together");
        }
        HostInfo self = applicationServer == null ? null : HostInfo.buildFromEndpoint(applicationServer);
        Map<String, Object> client;
        Map<String, Object> settings;
        HttpAccess access;
        HttpTls tls;
        String token;
        try {
            token = httpTokenFile == null ? null : HttpAccess.readToken(httpTokenFile);
            access = token == null ? HttpAccess.OPEN : HttpAccess.withToken(token);
            tls = httpTlsKey == null ? null : HttpTls.fromPem(httpTlsKey, httpTlsCert);
            client = kafka.clientConfig(schemaRegistry);
            settings = new HashMap<>(client);
            settings.putAll(KafkaClientConfig.read(analyzerConfig));
        } catch (UncheckedIOException e) {
            err.println("analyze: " + e.getMessage());
            return 2;
        }
        if (cluster != null) {
            settings.put(AnalyzerConfig.CLUSTER, cluster);
        }
        AnalyzerService.defaultRegistryRetry(settings);
        if (instanceId != null) {
            // KIP-345: without it, a crashed instance's successor waits for the old member's session to expire
            // (session.timeout.ms, 45 s) before the group rebalances and it gets any task back.
            settings.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        AnalyzerConfig config = AnalyzerConfig.from(settings);

        Admin admin = Admin.create(client);
        try {
            admin.describeCluster().nodes().get(KAFKA_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<String> created = TopicProvisioner.ensure(admin, AnalyzerTopics.of(config, partitions), replicationFactor);
            if (!created.isEmpty()) {
                err.println("analyze: created topics " + String.join(", ", created));
            }
            int inputPartitions = inputPartitions(admin, config);
            settings.put(AnalyzerConfig.INPUT_PARTITIONS, inputPartitions);
            config = config.with(AnalyzerConfig.INPUT_PARTITIONS, inputPartitions);
        } catch (TimeoutException | ExecutionException e) {
            Optional<String> refused = KafkaRefusal.of(e);
            err.println(refused.map(r -> "analyze: " + client.get("bootstrap.servers") + ": " + r)
                    .orElse("analyze: no Kafka broker answers at " + client.get("bootstrap.servers") + " within "
                    + KAFKA_TIMEOUT.toSeconds() + " s" + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "")));
            return 1;
        } catch (TopicProvisioningException e) {
            // The message names the topic; a refusal says which permission to look for.
            err.println("analyze: " + e.getMessage() + (KafkaRefusal.of(e).isPresent()
                    ? " (Kafka refused: an ACL is missing, see README, Security; CREATE only if analyze is to create it)" : ""));
            return 1;
        } finally {
            // Pending admin calls to an unreachable cluster would otherwise hold close() for the API timeout.
            admin.close(Duration.ofSeconds(5));
        }

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.addRegistry(registry);
        CountDownLatch closed = new CountDownLatch(1);
        try (AnalyzerService service = new AnalyzerService(config, AnalyzerService.streamsProperties(settings,
                     applicationId, stateDir.toString(), standbyReplicas, applicationServer));
             KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(service.streams());
             LivePage page = new LivePage(config.incidentsJsonTopic() + " on " + client.get("bootstrap.servers"));
             HttpSurface http = HttpSurface.start(httpBind, httpPort,
                     routes(new AnalyzerRoutes(service, registry, self, tls, token), page), page.streams(), access, tls);
             // The page shows every instance's incidents: it reads the whole topic, not this instance's store.
             IncidentFeed pageFeed = IncidentFeed.follow(client, config.incidentsJsonTopic(), page::accept)) {
            streamsMetrics.bindTo(registry);
            Thread onSignal = new Thread(() -> {
                stopped.countDown();
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "incidents-shutdown");
            Runtime.getRuntime().addShutdownHook(onSignal);
            shutdownHook = onSignal;
            // Kafka refusing the credentials or an ACL stops Streams for good (AnalyzerService): so does analyze.
            service.streams().setStateListener((now, before) -> {
                service.logStateChange(now, before);
                if (now == KafkaStreams.State.ERROR) {
                    stopped.countDown();
                }
            });
            service.start();
            err.println("analyze: application " + applicationId + " on " + client.get("bootstrap.servers")
                    + ", HTTP" + (tls == null ? "" : "S") + " on " + httpBind + ":" + http.port()
                    + (access.guarded() ? " (bearer token except " + String.join(", ", new java.util.TreeSet<>(HttpAccess.OPEN_PATHS)) + ")" : ""));
            err.flush();
            stopped.await();
            if (service.fatal().isPresent()) {
                err.println("analyze: " + client.get("bootstrap.servers") + ": " + service.fatal().get());
                err.flush();
                service.close();
                return 1;
            }
            err.println("analyze: stopping");
            err.flush();
            // Streams first (it commits the open transaction and leaves /readyz at 503), the HTTP server after.
            service.close();
        } catch (UncheckedIOException e) {
            err.println("analyze: " + e.getMessage());
            return 1;
        } finally {
            Metrics.removeRegistry(registry);
            closed.countDown();
            removeShutdownHook();
        }
        return 0;
    }

    private static Map<String, Function<Map<String, String>, HttpSurface.Response>> routes(AnalyzerRoutes analyzer,
                                                                                         LivePage page) {
        Map<String, Function<Map<String, String>, HttpSurface.Response>> routes = new LinkedHashMap<>(analyzer.routes());
        routes.putAll(page.routes());
        return routes;
    }

    /**
     * The correlator's clock waits for a watermark from every input partition, so it must know how many there are:
     * the most of the input topics (Kafka Streams makes one task per partition of the widest).
     */
    private static int inputPartitions(Admin admin, AnalyzerConfig config)
            throws ExecutionException, InterruptedException, TimeoutException {
        return admin.describeTopics(List.of(config.eventsTopic(), config.podsTopic(), config.nodesTopic(),
                        config.podGroupsTopic()))
                .allTopicNames().get(KAFKA_TIMEOUT.toSeconds(), TimeUnit.SECONDS).values().stream()
                .mapToInt(t -> t.partitions().size()).max().orElse(1);
    }

    private void removeShutdownHook() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook is what stopped us
            }
        }
    }
}
