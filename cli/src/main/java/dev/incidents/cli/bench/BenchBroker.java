package dev.incidents.cli.bench;

import dev.incidents.kafka.BrokerSettings;
import dev.incidents.kafka.LocalBroker;
import dev.incidents.kafka.StartReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The broker of the broker rows: always one of its own (KRaft, from the Maven jars, as {@code kafka start}), on free
 * ports under the work directory, never the user's broker: every baseline and every figure of a run then meets the
 * same empty broker, and a run leaves nothing behind on a broker someone uses.
 */
final class BenchBroker implements AutoCloseable {
    private final LocalBroker broker;
    private final Path home;
    private final long pid;

    private BenchBroker(LocalBroker broker, Path home, long pid) {
        this.broker = broker;
        this.home = home;
        this.pid = pid;
    }

    static BenchBroker start(BenchRun run) {
        Path home = run.dir().resolve("kafka-" + System.currentTimeMillis());
        LocalBroker broker = new LocalBroker(BrokerSettings.defaults().withHome(home).withPorts(freePort(), freePort()));
        run.say("starting a Kafka broker on %s", broker.bootstrapServers());
        StartReport report = broker.start();
        run.say("  broker up in %d ms", report.took().toMillis());
        return new BenchBroker(broker, home, report.pid());
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /**
     * CPU time the broker's process has used so far (every thread), -1 where the system does not say: on 2 cores its
     * work for an application (changelogs, repartition topics, transactions) takes CPU from the application itself.
     */
    long cpuNanos() {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(java.time.Duration::toNanos)
                .orElse(-1L);
    }

    @Override
    public void close() {
        broker.stop();
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // broker data left in the work directory is not worth failing the bench for
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port: " + e.getMessage(), e);
        }
    }
}
