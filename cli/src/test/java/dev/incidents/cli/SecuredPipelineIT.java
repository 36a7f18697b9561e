package dev.incidents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.live.AnalyzerTopics;
import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.analyzer.replay.Replay;
import dev.incidents.kafka.testing.SecuredBroker;
import dev.incidents.kafka.testing.TestCertificates;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.schemas.Incident;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The pipeline against Kafka as companies run it (issue #16 item 1): a broker of its own with only a {@code SASL_SSL}
 * listener and ACLs ({@link SecuredBroker}), every part a JVM of its own from the packaged CLI with its user's
 * {@code --kafka-config} file and nothing else, each user holding exactly the ACLs of {@link KafkaAcls}. {@code ship
 * --from} → {@code analyze} → {@code tail} gives replay's transitions; a wrong password, an untrusted certificate and a
 * missing ACL each end the command with exit status 1 and a line saying which, within the client timeout; no log of
 * the run holds a password.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredPipelineIT {
    static final Path RECORDING = DemoIT.RECORDING;
    static final String APPLICATION_ID = "secured-analyzer";
    /** The idle clock off: event time ends where the end marks put it, as replay's does (see {@link CrashIT}). */
    static final AnalyzerConfig CONFIG = AnalyzerConfig.defaults().with(AnalyzerConfig.IDLE_ADVANCE_INTERVAL, "PT0S");
    /**
     * What "within the client timeout" allows a refused command, JVM start included: the commands wait at most 30 s for
     * Kafka (tail's metadata, analyze's first admin call), and five JVMs start at once on a shared 2-core machine (up to
     * 35 s measured). A hang would not end at all.
     */
    static final Duration REFUSAL_BOUND = Duration.ofSeconds(60);

    static Path dir;
    static SecuredBroker broker;
    static final Map<String, String> passwords = new TreeMap<>();
    static final Map<String, Path> configs = new TreeMap<>();
    static final List<Process> started = new ArrayList<>();
    static List<Recorded> records;
    static Replay.Result expected;

    @BeforeAll
    static void secured_broker_users_acls_and_topics() throws Exception {
        dir = Files.createDirectories(Path.of("target", "secured-it", UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath());
        broker = SecuredBroker.start(dir);
        // The platform team creates the topics; the parts only use them.
        broker.broker().createTopics(AnalyzerTopics.of(CONFIG, 1));
        user("shipper", KafkaAcls.shipper("shipper"));
        user("analyzer", KafkaAcls.analyzer("analyzer", APPLICATION_ID));
        user("oncall", KafkaAcls.reader("oncall"));
        user("forgetful", KafkaAcls.analyzerWithoutTransactions("forgetful", APPLICATION_ID + "-forgetful"));
        // tail also over PLAIN: the second mechanism, from the broker's JAAS users.
        broker.allow(KafkaAcls.reader(SecuredBroker.PLAIN_USER));
        passwords.put(SecuredBroker.PLAIN_USER, broker.plainPassword());
        configs.put(SecuredBroker.PLAIN_USER, SecuredBroker.write(dir.resolve("plain.properties"),
                broker.clientProperties("PLAIN", SecuredBroker.PLAIN_USER, broker.plainPassword())));

        records = Recordings.read(List.of(RECORDING), new ReadOptions(null, Instant.now()), r -> { });
        expected = Replay.run(records, AnalyzerConfig.defaults());
    }

    private static void user(String name, List<org.apache.kafka.common.acl.AclBinding> acls) {
        String password = UUID.randomUUID().toString();
        broker.createScramUser(name, password);
        broker.allow(acls);
        passwords.put(name, password);
        configs.put(name, SecuredBroker.write(dir.resolve(name + ".properties"),
                broker.clientProperties("SCRAM-SHA-512", name, password)));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void ship_analyze_and_tail_over_tls_and_sasl_give_replays_transitions() throws Exception {
        long begin = System.nanoTime();
        Process ship = launch("ship", "ship", "--from", RECORDING.toString(), "--bootstrap-server", broker.bootstrapServers(),
                "--kafka-config", configs.get("shipper").toString());
        assertThat(ship.waitFor(60, TimeUnit.SECONDS)).as("ship --from finished").isTrue();
        assertThat(ship.exitValue()).as("ship --from exit status; log:\n%s", log("ship")).isZero();
        Map<String, Object> shipperClient = client("shipper");
        RecordingEnd.mark(shipperClient, CONFIG.eventsTopic(), RecordingEnd.of(records, CONFIG));

        Path settings = Files.writeString(dir.resolve("analyzer-settings.properties"), AnalyzerConfig.IDLE_ADVANCE_INTERVAL + "=PT0S\n");
        Process analyze = launch("analyze", "analyze", "--bootstrap-server", broker.bootstrapServers(),
                "--kafka-config", configs.get("analyzer").toString(), "--application-id", APPLICATION_ID,
                "--state-dir", dir.resolve("state").toString(), "--config", settings.toString(),
                "--http-bind", "127.0.0.1", "--http-port", "0", "--partitions", "1");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (KafkaConsumer<String, String> json = incidentsJson()) {
            long seen = 0;
            while (seen < expected.transitions().size()) {
                assertThat(analyze.isAlive()).as("analyze runs; log:\n%s", log("analyze")).isTrue();
                assertThat(System.nanoTime()).as("replay's %d transitions on the JSON topic within 90 s (%d seen); analyze log:\n%s",
                        expected.transitions().size(), seen, log("analyze")).isLessThan(deadline);
                seen += json.poll(Duration.ofMillis(500)).count();
            }
        }

        Process tail = launch("tail", "tail", "--bootstrap-server", broker.bootstrapServers(),
                "--kafka-config", configs.get("oncall").toString(), "--from-beginning", "--no-follow", "--output", "jsonl");
        Process plainTail = launch("tail-plain", "tail", "--bootstrap-server", broker.bootstrapServers(),
                "--kafka-config", configs.get(SecuredBroker.PLAIN_USER).toString(), "--from-beginning", "--no-follow", "--output", "jsonl");
        for (Process reader : List.of(tail, plainTail)) {
            assertThat(reader.waitFor(60, TimeUnit.SECONDS)).as("tail finished").isTrue();
            assertThat(reader.exitValue()).as("tail exit status; stderr:\n%s", log("tail")).isZero();
        }
        Map<String, List<String>> offline = expected.transitions().stream().collect(Collectors.groupingBy(Incident::getId,
                TreeMap::new, Collectors.mapping(IncidentJson::toJson, Collectors.toList())));
        assertThat(byIncident(stdout("tail"))).as("tail's transitions per incident (SCRAM-SHA-512)").isEqualTo(offline);
        assertThat(byIncident(stdout("tail-plain"))).as("tail's transitions per incident (PLAIN)").isEqualTo(offline);
        System.out.printf("secured-it: ship --from, analyze and tail over SASL_SSL: %d transitions = replay's, %d ms%n",
                expected.transitions().size(), CrashIT.millisSince(begin));

        assertThat(ProcessPipeline.stop(analyze)).as("analyze exit status on SIGTERM; log:\n%s", log("analyze"))
                .isIn(ProcessPipeline.STOPPED_BY_SIGTERM);
        assertThat(log("analyze")).as("analyze ran with INFO logs, Kafka's config dumps included")
                .contains("-> RUNNING").contains("sasl.jaas.config = [hidden]");
    }

    @Test
    @Order(2)
    void a_wrong_password_an_untrusted_certificate_or_a_missing_acl_is_one_line_and_exit_1() throws Exception {
        Path wrongPassword = SecuredBroker.write(dir.resolve("wrong-password.properties"),
                broker.clientProperties("SCRAM-SHA-512", "oncall", UUID.randomUUID().toString()));
        TestCertificates stranger = TestCertificates.create(dir.resolve("stranger"), "stranger");
        Map<String, String> untrusting = new TreeMap<>(broker.clientProperties("SCRAM-SHA-512", "oncall", passwords.get("oncall")));
        untrusting.put("ssl.truststore.location", stranger.trustStore().toString());
        untrusting.put("ssl.truststore.password", stranger.password());
        Path untrusted = SecuredBroker.write(dir.resolve("untrusted.properties"), untrusting);
        Path settings = Files.writeString(dir.resolve("forgetful-settings.properties"), AnalyzerConfig.IDLE_ADVANCE_INTERVAL + "=PT0S\n");

        Map<String, Refusal> refusals = new TreeMap<>();
        refusals.put("tail-wrong-password", new Refusal("Kafka refused the credentials", "tail", "--bootstrap-server",
                broker.bootstrapServers(), "--kafka-config", wrongPassword.toString(), "--from-beginning", "--no-follow"));
        refusals.put("analyze-wrong-password", new Refusal("Kafka refused the credentials", "analyze", "--bootstrap-server",
                broker.bootstrapServers(), "--kafka-config", wrongPassword.toString(), "--http-port", "0"));
        refusals.put("tail-untrusted-certificate", new Refusal("TLS handshake with Kafka failed", "tail", "--bootstrap-server",
                broker.bootstrapServers(), "--kafka-config", untrusted.toString(), "--from-beginning", "--no-follow"));
        // The on-call user may read incidents, not write the cluster's events.
        refusals.put("ship-missing-acl", new Refusal("an ACL is missing", "ship", "--from", RECORDING.toString(),
                "--bootstrap-server", broker.bootstrapServers(), "--kafka-config", configs.get("oncall").toString()));
        // Everything but the transactional ids: Streams starts, its producer is refused at its first transaction.
        refusals.put("analyze-missing-acl", new Refusal("an ACL is missing", "analyze", "--bootstrap-server",
                broker.bootstrapServers(), "--kafka-config", configs.get("forgetful").toString(),
                "--application-id", APPLICATION_ID + "-forgetful", "--state-dir", dir.resolve("state-forgetful").toString(),
                "--config", settings.toString(), "--http-bind", "127.0.0.1", "--http-port", "0", "--partitions", "1"));

        Map<String, CompletableFuture<Long>> finished = new TreeMap<>();
        refusals.forEach((name, refusal) -> {
            long begin = System.nanoTime();
            Process process = launch(name, false, refusal.args());
            finished.put(name, process.onExit().thenApply(p -> CrashIT.millisSince(begin)));
        });
        for (Map.Entry<String, Refusal> refusal : refusals.entrySet()) {
            String name = refusal.getKey();
            long millis = finished.get(name).get(REFUSAL_BOUND.toSeconds() + 30, TimeUnit.SECONDS);
            Process process = started.stream().filter(p -> !p.isAlive()).filter(p -> processName(p).equals(name)).findFirst().orElseThrow();
            String output = log(name);
            List<String> saying = output.lines().filter(l -> l.contains(refusal.getValue().says())).toList();
            System.out.printf("secured-it: %s: exit %d after %d ms: %s%n", name, process.exitValue(), millis,
                    saying.isEmpty() ? "(no line)" : saying.get(saying.size() - 1));
            assertThat(process.exitValue()).as("%s exit status; output:\n%s", name, output).isEqualTo(1);
            assertThat(Duration.ofMillis(millis)).as("%s gave up within the client timeout", name).isLessThan(REFUSAL_BOUND);
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).as("%s ends with a line saying why; output:\n%s", name, output).isNotEmpty();
            assertThat(lines.get(lines.size() - 1)).as("%s's last line; output:\n%s", name, output).contains(refusal.getValue().says());
            if (!name.startsWith("analyze")) {
                // Kafka Streams logs the exception it shuts down for at ERROR, with its stack trace, whatever the handler.
                assertThat(output).as("%s prints no stack trace", name).doesNotContain("\tat ");
            }
        }
    }

    @Test
    @Order(3)
    void no_log_of_the_secured_run_holds_a_password() throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.walk(dir)) {
            // Not the broker's data directory: its segment files end in .log too.
            logs = files.filter(f -> !f.startsWith(dir.resolve("kafka").resolve("data")))
                    .filter(f -> f.getFileName().toString().endsWith(".log") || f.getFileName().toString().endsWith(".out"))
                    .filter(Files::isRegularFile).toList();
        }
        assertThat(logs).as("the run's logs, the broker's among them").hasSizeGreaterThan(5)
                .anyMatch(f -> f.getFileName().toString().equals("server.log"));
        for (Path log : logs) {
            String text = Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
            passwords.forEach((user, password) ->
                    assertThat(text).as("%s holds the password of %s", log, user).doesNotContain(password));
        }
    }

    private record Refusal(String says, String... args) {
    }

    private static Map<String, List<String>> byIncident(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank()).collect(Collectors.groupingBy(l -> IncidentJson.fromJson(l).getId(),
                TreeMap::new, Collectors.toList()));
    }

    /** The committed transitions on the JSON topic from its start, read as the on-call user. */
    private static KafkaConsumer<String, String> incidentsJson() {
        Map<String, Object> settings = client("oncall");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(CONFIG.incidentsJsonTopic(), 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return consumer;
    }

    /** The client settings of {@code user}: its --kafka-config file with the bootstrap address. */
    private static Map<String, Object> client(String user) {
        Map<String, Object> settings = new HashMap<>(dev.incidents.schemas.KafkaClientConfig.load(broker.bootstrapServers(),
                configs.get(user), null));
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return settings;
    }

    private static final Map<Long, String> names = new java.util.concurrent.ConcurrentHashMap<>();

    private static String processName(Process process) {
        return names.get(process.pid());
    }

    /** A CLI command in a JVM of its own: stdout to {@code name.out}, stderr to {@code name.log}, every log at INFO. */
    private static Process launch(String name, String... args) {
        return launch(name, true, args);
    }

    /** ... or, not {@code verbose}, with the launcher's log levels: what a user sees. */
    private static Process launch(String name, boolean verbose, String... args) {
        ProcessBuilder builder = new ProcessBuilder(PackagedCli.command(List.of("-Xmx512m"), args))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".log").toFile());
        // Our INFO logs and Kafka's, whose client config dumps list every setting: the password must be in none.
        if (verbose) {
            builder.environment().put("INCIDENTS_LOG_LEVEL", "info");
            builder.environment().put("INCIDENTS_KAFKA_LOG_LEVEL", "info");
        }
        try {
            Process process = builder.start();
            started.add(process);
            names.put(process.pid(), name);
            return process;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String log(String name) {
        try {
            return Files.readString(dir.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static List<String> stdout(String name) throws IOException {
        return Files.readAllLines(dir.resolve(name + ".out"));
    }
}
