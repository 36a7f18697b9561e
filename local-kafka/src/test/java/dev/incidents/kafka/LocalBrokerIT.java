package dev.incidents.kafka;

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

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real broker process: its whole life, and the ways starting it fails clearly. */
class LocalBrokerIT {

    @Test
    void startsAnswersSurvivesASecondStartAndIsGoneAfterStop(@TempDir Path home) throws Exception {
        LocalBroker broker = new LocalBroker(settings(home));
        try {
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

            assertThat(broker.stop()).isTrue();
            assertThat(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(broker.status().running()).isFalse();
            assertThat(portAnswers(broker.settings().port())).isFalse();
            assertThat(broker.settings().pidFile()).doesNotExist();
            assertThat(broker.stop()).isFalse();
        } finally {
            broker.stop();
        }
    }

    @Test
    void aBusyPortIsAClearError(@TempDir Path home) throws IOException {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName(BrokerSettings.HOST), 0));
            LocalBroker broker = new LocalBroker(settings(home).withPorts(squatter.getLocalPort(), freePort()));

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
        int port = freePort();
        int controllerPort = freePort();
        while (controllerPort == port) {
            controllerPort = freePort();
        }
        return BrokerSettings.defaults().withHome(home.resolve("kafka")).withPorts(port, controllerPort);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
