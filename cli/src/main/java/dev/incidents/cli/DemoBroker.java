package dev.incidents.cli;

import dev.incidents.kafka.BrokerSettings;
import dev.incidents.kafka.LocalBroker;
import dev.incidents.kafka.StartReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The broker {@code demo} talks to: the one the user names, else the local development broker when it runs,
 * else a throwaway broker in a temporary directory on free ports, so the demo never collides with anything
 * listening on 9092 and leaves nothing behind. {@link #close()} stops only a broker this class started.
 */
final class DemoBroker implements AutoCloseable {
    private final String bootstrapServers;
    private final LocalBroker started;
    private final Path temporaryHome;
    private final String description;

    private DemoBroker(String bootstrapServers, LocalBroker started, Path temporaryHome, String description) {
        this.bootstrapServers = bootstrapServers;
        this.started = started;
        this.temporaryHome = temporaryHome;
        this.description = description;
    }

    static DemoBroker acquire(String bootstrapServers, PrintWriter err) {
        if (bootstrapServers != null) {
            return new DemoBroker(bootstrapServers, null, null, "the broker at " + bootstrapServers);
        }
        LocalBroker local = new LocalBroker(BrokerSettings.defaults());
        if (local.status().running()) {
            return new DemoBroker(local.bootstrapServers(), null, null,
                    "the running local broker (" + local.bootstrapServers() + ")");
        }
        Path home;
        try {
            home = Files.createTempDirectory("incidents-demo-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the demo broker: " + e.getMessage(), e);
        }
        LocalBroker broker = new LocalBroker(BrokerSettings.defaults().withHome(home).withPorts(freePort(), freePort()));
        err.println("demo: starting a Kafka broker (KRaft) on " + broker.bootstrapServers() + " ...");
        err.flush();
        try {
            StartReport report = broker.start();
            err.println("demo: broker up in " + report.took().toMillis() + " ms (pid " + report.pid() + ")");
        } catch (RuntimeException e) {
            delete(home);
            throw e;
        }
        return new DemoBroker(broker.bootstrapServers(), broker, home, "a demo broker (" + broker.bootstrapServers() + ")");
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether the demo shares this broker with others (then it must leave their data alone and clean its own). */
    boolean shared() {
        return started == null;
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        if (started != null) {
            started.stop();
            delete(temporaryHome);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port: " + e.getMessage(), e);
        }
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is not worth failing the demo for
        }
    }
}
