package dev.incidents.analyzer.notify;

import dev.incidents.analyzer.live.HttpSurface;
import dev.incidents.analyzer.live.HttpSurface.Response;
import dev.incidents.analyzer.live.KafkaConnection;
import dev.incidents.schemas.Severity;
import dev.incidents.schemas.TopicProvisioner;
import dev.incidents.schemas.TopicProvisioningException;
import dev.incidents.schemas.Topics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code incidents notify}: delivers the transitions of {@code k8s.incidents.json} to Alertmanager, Slack, Teams and
 * webhooks (DESIGN §7). One {@link DestinationLoop} per destination, each in its own consumer group; the delivery log
 * and the dead-letter topic are shared. Runs until SIGTERM/SIGINT.
 */
@Command(name = "notify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Deliver incident transitions from the incident JSON topic to on-call tools: Alertmanager "
                + "(API v2), Slack (Web API with one thread per incident, or an incoming webhook), Microsoft Teams "
                + "(Workflows webhook, Adaptive Card) and any HTTP endpoint (CloudEvents 1.0 JSON).",
                "At-least-once: offsets are committed after delivery; redelivered transitions are recognised in the "
                        + "delivery log topic and not posted again. Undeliverable transitions go to the dead-letter topic.",
                "HTTP: /healthz, /readyz, /metrics (incidents_notify_{delivered,retried,failed,muted,skipped}_total)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:stopped by a signal", "1:Kafka, the HTTP port or a destination loop failed",
                "2:usage error (no destination, a bad mute rule, an unreadable --mute-file)"})
public final class NotifyCommand implements java.util.concurrent.Callable<Integer> {
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaConnection kafka;

    @Option(names = "--alertmanager", paramLabel = "URL",
            description = "Alertmanager base URL (API v2 POST /api/v2/alerts), e.g. http://alertmanager:9093. Repeat "
                    + "for each member of an HA pair: each gets every alert.")
    List<URI> alertmanagers = new ArrayList<>();

    @Option(names = "--alertmanager-resend", paramLabel = "DURATION", defaultValue = "PT1M",
            description = "Re-post open alerts this often, with endsAt = now + 4 x this (as Prometheus does). Default: ${DEFAULT-VALUE}.")
    Duration alertmanagerResend;

    @Option(names = "--runbook-url", paramLabel = "TEMPLATE",
            description = "Alertmanager annotation runbook_url; {category} and {category_lower} are filled in, "
                    + "e.g. https://wiki.example.com/runbooks/{category_lower}.")
    String runbookUrl;

    @Option(names = "--slack-token", paramLabel = "TOKEN",
            description = "Slack bot token (xoxb-..., scope chat:write) for the Web API; with --slack-channel. "
                    + "Better from the environment: INCIDENTS_SLACK_TOKEN.")
    String slackToken;

    @Option(names = "--slack-channel", paramLabel = "CHANNEL",
            description = "Slack channel id or name (the bot must be a member): the OPEN message starts a thread, "
                    + "UPDATED and RESOLVED reply in it and edit the parent's status line.")
    String slackChannel;

    @Option(names = "--slack-api-url", paramLabel = "URL", defaultValue = "https://slack.com/api/",
            description = "Slack Web API base (for proxies and tests). Default: ${DEFAULT-VALUE}.")
    URI slackApi;

    @Option(names = "--slack-webhook", paramLabel = "URL",
            description = "Slack incoming webhook URL: one message per transition, no threads. Repeatable.")
    List<URI> slackWebhooks = new ArrayList<>();

    @Option(names = "--teams-webhook", paramLabel = "URL",
            description = "Microsoft Teams Workflows webhook URL: one Adaptive Card per transition. Repeatable.")
    List<URI> teamsWebhooks = new ArrayList<>();

    @Option(names = "--webhook", paramLabel = "URL",
            description = "Any HTTP endpoint: each transition POSTed as a CloudEvents 1.0 structured JSON event whose "
                    + "data is the incident JSON. Repeatable.")
    List<URI> webhooks = new ArrayList<>();

    @Option(names = "--webhook-source", paramLabel = "URI-REF", defaultValue = "/incidents/notify",
            description = "The CloudEvents source attribute. Default: ${DEFAULT-VALUE}.")
    String webhookSource;

    @Option(names = "--min-severity", paramLabel = "SEVERITY", defaultValue = "INFO",
            description = "Send only incidents at least this severe: INFO, WARNING or CRITICAL. Default: ${DEFAULT-VALUE}.")
    Severity minSeverity;

    @Option(names = "--mute", paramLabel = "RULE",
            description = "Do not send incidents matching RULE: comma-separated key=glob conditions over cluster, "
                    + "namespace, category, workload (Kind/name or name), severity; from=/until= (RFC 3339) make a "
                    + "maintenance window over the transition's lastSeen. E.g. 'namespace=kube-*,category=POD_EVICTED', "
                    + "'cluster=prod-*,from=2026-12-24T22:00:00Z,until=2026-12-25T06:00:00Z'. Repeatable; muted "
                    + "transitions are counted in incidents_notify_muted_total. A RESOLVED of an incident already "
                    + "delivered is never muted.")
    List<String> mutes = new ArrayList<>();

    @Option(names = "--mute-file", paramLabel = "FILE", description = "Mute rules, one per line, # comments.")
    Path muteFile;

    @Option(names = "--update-interval", paramLabel = "DURATION", defaultValue = "PT5M",
            description = "Chat destinations get at most one UPDATED per incident per this much event time (OPEN and "
                    + "RESOLVED always go). Default: ${DEFAULT-VALUE}.")
    Duration updateInterval;

    @Option(names = "--channel-spacing", paramLabel = "DURATION", defaultValue = "PT1S",
            description = "At least this long between two messages to one chat destination (Slack allows about one "
                    + "per second per channel). Default: ${DEFAULT-VALUE}.")
    Duration channelSpacing;

    @Option(names = "--retry-attempts", paramLabel = "N", defaultValue = "5",
            description = "Attempts per transition and destination before it is dead-lettered. Default: ${DEFAULT-VALUE}.")
    int retryAttempts;

    @Option(names = "--retry-backoff", paramLabel = "DURATION", defaultValue = "PT1S",
            description = "First wait between attempts, doubled each time up to --retry-backoff-max. Default: ${DEFAULT-VALUE}.")
    Duration retryBackoff;

    @Option(names = "--retry-backoff-max", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "Longest computed wait between attempts. Default: ${DEFAULT-VALUE}.")
    Duration retryBackoffMax;

    @Option(names = "--retry-after-max", paramLabel = "DURATION", defaultValue = "PT60S",
            description = "Longest Retry-After honoured; a server asking for more gets the transition dead-lettered "
                    + "instead of holding the destination. Default: ${DEFAULT-VALUE}.")
    Duration retryAfterMax;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = Topics.INCIDENTS_JSON,
            description = "Incident JSON topic. Default: ${DEFAULT-VALUE}.")
    String topic;

    @Option(names = "--group", paramLabel = "ID", defaultValue = "incidents-notify",
            description = "Consumer group prefix; each destination uses <group>.<destination id>. Default: ${DEFAULT-VALUE}.")
    String group;

    @Option(names = "--from-beginning",
            description = "A destination new to its consumer group starts at the oldest retained transition (default: "
                    + "at the end; open incidents still reach an Alertmanager, which is re-asserted from the topic).")
    boolean fromBeginning;

    @Option(names = "--dlq-topic", paramLabel = "TOPIC", defaultValue = NotifyTopics.DEAD_LETTERS,
            description = "Dead letters: transitions a destination did not take, headers notify.destination and "
                    + "notify.reason. Default: ${DEFAULT-VALUE}.")
    String dlqTopic;

    @Option(names = "--threads-topic", paramLabel = "TOPIC", defaultValue = NotifyTopics.DELIVERY_LOG,
            description = "Delivery log (compacted): what each destination got per incident and the Slack thread ids. "
                    + "Default: ${DEFAULT-VALUE}.")
    String threadsTopic;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of the topics this creates when missing. Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(names = "--replication-factor", paramLabel = "N", defaultValue = "1",
            description = "Replication factor of the topics this creates when missing. Default: ${DEFAULT-VALUE}.")
    short replicationFactor;

    @Option(names = "--http-bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0", description = "HTTP bind address. Default: ${DEFAULT-VALUE}.")
    String httpBind;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8081", description = "HTTP port, 0 for any free one. Default: ${DEFAULT-VALUE}.")
    int httpPort;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile List<DestinationLoop> loops = List.of();
    private volatile int boundPort = -1;

    /** Stops a running {@link #call()} as SIGTERM does (for embedding and tests). */
    public void stop() {
        stopped.countDown();
    }

    /** The HTTP port once listening, else -1 (tests use port 0). */
    public int httpPort() {
        return boundPort;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        NoiseFilter filter = new NoiseFilter(minSeverity, muteRules());
        if ((slackToken == null) != (slackChannel == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--slack-token and --slack-channel go together");
        }
        if (alertmanagers.isEmpty() && slackChannel == null && slackWebhooks.isEmpty() && teamsWebhooks.isEmpty()
                && webhooks.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no destination: give at least one of "
                    + "--alertmanager, --slack-token with --slack-channel, --slack-webhook, --teams-webhook, --webhook");
        }
        Map<String, Object> client;
        try {
            client = kafka.clientConfig(null);
        } catch (UncheckedIOException e) {
            err.println("notify: " + e.getMessage());
            return 2;
        }
        try (Admin admin = Admin.create(client)) {
            admin.describeCluster().nodes().get(KAFKA_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<String> created = TopicProvisioner.ensure(admin, NotifyTopics.of(dlqTopic, threadsTopic, partitions),
                    replicationFactor);
            if (!created.isEmpty()) {
                err.println("notify: created topics " + String.join(", ", created));
            }
        } catch (TimeoutException | ExecutionException e) {
            err.println("notify: no Kafka broker answers at " + client.get("bootstrap.servers") + " within "
                    + KAFKA_TIMEOUT.toSeconds() + " s");
            return 1;
        } catch (TopicProvisioningException e) {
            err.println("notify: " + e.getMessage());
            return 1;
        }

        Clock clock = Clock.systemUTC();
        HttpPost http = new HttpPost(clock);
        List<Destination> destinations = destinations(http, clock, client, filter);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        NotifyMeters meters = new NotifyMeters(registry);
        DestinationLoop.Settings settings = new DestinationLoop.Settings(client, topic, group, fromBeginning, filter,
                new UpdateThrottle(updateInterval), channelSpacing,
                new RetryPolicy(retryAttempts, retryBackoff, retryBackoffMax, retryAfterMax));
        CountDownLatch closed = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> {
            stopped.countDown();
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "incidents-notify-shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try (DeliveryLog deliveries = new DeliveryLog(client, threadsTopic);
             DeadLetters deadLetters = new DeadLetters(client, dlqTopic);
             HttpSurface surface = HttpSurface.start(httpBind, httpPort, routes(registry))) {
            boundPort = surface.port();
            List<DestinationLoop> started = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (Destination d : destinations) {
                DestinationLoop loop = new DestinationLoop(d, settings, deliveries, deadLetters, meters, clock);
                Thread thread = new Thread(loop, "notify-" + d.id());
                started.add(loop);
                threads.add(thread);
                thread.start();
            }
            loops = List.copyOf(started);
            err.println("notify: " + destinations.size() + " destination(s) ("
                    + String.join(", ", destinations.stream().map(Destination::id).toList()) + ") reading " + topic
                    + " on " + client.get("bootstrap.servers") + ", HTTP on " + httpBind + ":" + surface.port());
            err.flush();
            while (!stopped.await(1, TimeUnit.SECONDS)) {
                if (started.stream().anyMatch(l -> !l.healthy())) {
                    err.println("notify: a destination loop failed; stopping");
                    break;
                }
            }
            started.forEach(DestinationLoop::stop);
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
            return started.stream().allMatch(DestinationLoop::healthy) ? 0 : 1;
        } catch (UncheckedIOException | IllegalStateException e) {
            err.println("notify: " + e.getMessage());
            return 1;
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook is what stopped us
            }
        }
    }

    private List<MuteRule> muteRules() {
        List<MuteRule> rules = new ArrayList<>();
        try {
            for (String m : mutes) {
                rules.add(MuteRule.parse(m));
            }
            if (muteFile != null) {
                rules.addAll(MuteRule.parseLines(Files.readAllLines(muteFile)));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read --mute-file " + muteFile + ": " + e);
        }
        return rules;
    }

    private List<Destination> destinations(HttpPost http, Clock clock, Map<String, Object> client, NoiseFilter filter) {
        List<Destination> out = new ArrayList<>();
        Collection<dev.incidents.schemas.Incident> latest = alertmanagers.isEmpty() ? List.of()
                : IncidentSnapshot.latest(client, topic).stream().filter(i -> filter.holdsBack(i) == null).toList();
        for (URI url : alertmanagers) {
            Alertmanager am = new Alertmanager(url, alertmanagerResend, runbookUrl, http, clock);
            am.seed(latest);
            out.add(am);
        }
        if (slackChannel != null) {
            out.add(new SlackWebApi(slackApi, slackToken, slackChannel, http));
        }
        slackWebhooks.forEach(u -> out.add(Webhook.slack(u, http)));
        teamsWebhooks.forEach(u -> out.add(Webhook.teams(u, http)));
        webhooks.forEach(u -> out.add(Webhook.cloudEvents(u, webhookSource, http)));
        return out;
    }

    private Map<String, Function<Map<String, String>, Response>> routes(PrometheusMeterRegistry registry) {
        Map<String, Function<Map<String, String>, Response>> routes = new LinkedHashMap<>();
        routes.put("/healthz", q -> loops.stream().allMatch(DestinationLoop::healthy)
                ? Response.text(200, "ok\n") : Response.text(503, "a destination loop failed\n"));
        routes.put("/readyz", q -> !loops.isEmpty() && loops.stream().allMatch(DestinationLoop::ready)
                ? Response.text(200, "ready\n") : Response.text(503, "waiting for partitions\n"));
        routes.put("/metrics", q -> new Response(200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        return routes;
    }
}
