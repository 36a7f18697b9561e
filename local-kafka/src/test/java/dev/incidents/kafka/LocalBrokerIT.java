package dev.incidents.kafka;

import dev.incidents.kafka.testing.FreePorts;
import dev.incidents.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real broker process, through the API and the {@code kafka} command: its whole life, and the ways starting it fails clearly. */
class LocalBrokerIT {

    /** One broker start for the whole life: the API and the {@code kafka} command on the same broker. */
    @Test
    void startsAnswersSurvivesASecondStartAndIsGoneAfterStop(@TempDir Path home) throws Exception {
        LocalBroker broker = new LocalBroker(settings(home));
        String[] where = {"--port", Integer.toString(broker.settings().port()), "--controller-port",
                Integer.toString(broker.settings().controllerPort()), "--data-dir", broker.settings().home().toString()};
        try {
            assertThat(command("status", where)).isEqualTo(1);

            StartReport first = broker.start();
            System.out.printf("broker started in %d ms (pid %d)%n", first.took().toMillis(), first.pid());

            assertThat(first.alreadyRunning()).isFalse();
            assertThat(broker.status().running()).isTrue();
            assertThat(Files.readString(broker.settings().pidFile()).trim()).isEqualTo(Long.toString(first.pid()));
            assertThat(produceAndConsume(broker.bootstrapServers(), "local-broker-it"))
                    .containsExactly("prod-us-east-1/inference/Pod/triton-79569cfbbc-m2wcc=Failed");

            StartReport second = broker.start();
            assertThat(second.alreadyRunning()).isTrue();
            assertThat(second.pid()).isEqualTo(first.pid());
            int[] otherPorts = FreePorts.two();
            assertThatThrownBy(() -> new LocalBroker(broker.settings().withPorts(otherPorts[0], otherPorts[1])).start())
                    .isInstanceOf(LocalBrokerException.class)
                    .hasMessageContaining("already runs (pid " + first.pid() + ")");

            // The command on the running broker: start is harmless and creates the DESIGN section 3 topics.
            assertThat(command("start", concat(where, "--partitions", "2"))).as(err.toString()).isEqualTo(0);
            assertThat(out.toString()).contains(broker.bootstrapServers());
            assertThat(err.toString()).contains("already running");
            assertDefaultTopics(broker.bootstrapServers());
            assertThat(command("status", where)).isEqualTo(0);

            assertThat(command("stop", where)).isEqualTo(0);
            assertThat(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(broker.status().running()).isFalse();
            assertThat(command("status", where)).isEqualTo(1);
            assertThat(portAnswers(broker.settings().port())).isFalse();
            assertThat(broker.settings().pidFile()).doesNotExist();
            assertThat(broker.stop()).isFalse();
        } finally {
            broker.stop();
        }
    }

    private static void assertDefaultTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.EVENTS, Topics.PODS, Topics.NODES,
                    Topics.INCIDENTS, Topics.INCIDENTS_JSON, Topics.INCIDENTS_DLQ)).allTopicNames().get();
            assertThat(topics.get(Topics.INCIDENTS).partitions()).hasSize(2);
            ConfigResource incidents = new ConfigResource(ConfigResource.Type.TOPIC, Topics.INCIDENTS);
            ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, Topics.EVENTS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(incidents, events)).all().get();
            assertThat(configs.get(incidents).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(events).get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(configs.get(events).get("retention.ms").value()).isEqualTo(Long.toString(7L * 24 * 3600 * 1000));
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int command(String subcommand, String... args) {
        CommandLine cli = new CommandLine(new KafkaCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(concat(new String[]{subcommand}, args));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void aBusyPortIsAClearError(@TempDir Path home) throws IOException {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName(BrokerSettings.HOST), 0));
            LocalBroker broker = new LocalBroker(settings(home).withPorts(squatter.getLocalPort(), FreePorts.one()));

            assertThatThrownBy(broker::start)
                    .isInstanceOf(LocalBrokerException.class)
                    .hasMessageContaining("port " + squatter.getLocalPort())
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("--port");
            assertThat(broker.settings().pidFile()).doesNotExist();
        }
    }

    @Test
    void aStalePidFileIsRemovedAndNothingIsSignalled(@TempDir Path home) throws Exception {
        Process finished = new ProcessBuilder(BrokerSettings.defaults().javaCommand().toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        finished.waitFor();
        LocalBroker broker = new LocalBroker(settings(home));
        Files.createDirectories(broker.settings().home());
        Files.writeString(broker.settings().pidFile(), finished.pid() + "\n");

        BrokerStatus status = broker.status();

        assertThat(status.running()).isFalse();
        assertThat(broker.settings().pidFile()).doesNotExist();
        assertThat(broker.stop()).isFalse();
    }

    @Test
    void aPidFileNamingAnotherProgramLeavesThatProgramAlone(@TempDir Path home) throws Exception {
        LocalBroker broker = new LocalBroker(settings(home));
        Files.createDirectories(broker.settings().home());
        Files.writeString(broker.settings().pidFile(), ProcessHandle.current().pid() + "\n");

        assertThat(broker.stop()).isFalse();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(broker.settings().pidFile()).doesNotExist();
    }

    @Test
    void aMissingJavaIsAClearError(@TempDir Path home) {
        LocalBroker broker = new LocalBroker(settings(home).withJavaCommand(home.resolve("no-jdk/bin/java")));

        assertThatThrownBy(broker::start).isInstanceOf(LocalBrokerException.class)
                .hasMessageContaining("no java at").hasMessageContaining("JDK 17");
    }

    @Test
    void missingBrokerJarsAreAClearError(@TempDir Path home) {
        LocalBroker broker = new LocalBroker(settings(home).withLibsDir(home.resolve("nowhere")));

        assertThatThrownBy(broker::start).isInstanceOf(LocalBrokerException.class)
                .hasMessageContaining("no Kafka broker jars").hasMessageContaining("mvnw");
    }

    static BrokerSettings settings(Path home) {
        int[] ports = FreePorts.two();
        return BrokerSettings.defaults().withHome(home.resolve("kafka")).withPorts(ports[0], ports[1]);
    }

    private static boolean portAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(BrokerSettings.HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> produceAndConsume(String bootstrap, String topic) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "prod-us-east-1/inference/Pod/triton-79569cfbbc-m2wcc", "Failed")).get();
        }
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "local-broker-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record.key() + "=" + record.value());
                }
            }
        }
        return seen;
    }
}
