package dev.incidents.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how the local broker runs.
 *
 * @param home           its directory: generated config, {@code data/}, {@code logs/}, {@code broker.pid}
 * @param port           the client listener on 127.0.0.1
 * @param controllerPort the KRaft controller listener on 127.0.0.1
 * @param libsDir        the broker jars ({@code local-kafka/target/kafka-libs})
 * @param javaCommand    the {@code java} that runs the broker
 * @param startTimeout   how long {@code start} waits for the broker to answer
 * @param brokerConfigs  broker properties over the generated ones (tests: a short {@code log.retention.check.interval.ms};
 *                       a secured listener, see {@code SecuredBroker} in the test jar)
 * @param clientConfigs  client properties this class's own clients (readiness probe, topic creation) need to talk to
 *                       the broker: TLS and SASL settings when its listener is secured
 */
public record BrokerSettings(Path home, int port, int controllerPort, Path libsDir, Path javaCommand,
                             Duration startTimeout, Map<String, String> brokerConfigs, Map<String, String> clientConfigs) {
    public static final String HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    /** Failsafe sets it (root pom); it wins over {@value #INCIDENTS_HOME_PROPERTY}. */
    public static final String LIBS_DIR_PROPERTY = "kafka.libs.dir";
    /** The repository root; {@code bin/incidents} passes it. */
    public static final String INCIDENTS_HOME_PROPERTY = "incidents.home";

    public BrokerSettings {
        if (port == controllerPort) {
            throw new IllegalArgumentException("the client port and the controller port must differ, both are " + port);
        }
        brokerConfigs = Map.copyOf(brokerConfigs);
        clientConfigs = Map.copyOf(clientConfigs);
    }

    /** 127.0.0.1:9092, controller 9093, under {@code ~/.cache/incidents/kafka}, jars and java found as documented. */
    public static BrokerSettings defaults() {
        return new BrokerSettings(defaultHome(), DEFAULT_PORT, DEFAULT_CONTROLLER_PORT, defaultLibsDir(),
                currentJava(), DEFAULT_START_TIMEOUT, Map.of(), Map.of());
    }

    public BrokerSettings withHome(Path home) {
        return new BrokerSettings(home, port, controllerPort, libsDir, javaCommand, startTimeout, brokerConfigs, clientConfigs);
    }

    public BrokerSettings withPorts(int port, int controllerPort) {
        return new BrokerSettings(home, port, controllerPort, libsDir, javaCommand, startTimeout, brokerConfigs, clientConfigs);
    }

    public BrokerSettings withLibsDir(Path libsDir) {
        return new BrokerSettings(home, port, controllerPort, libsDir, javaCommand, startTimeout, brokerConfigs, clientConfigs);
    }

    public BrokerSettings withJavaCommand(Path javaCommand) {
        return new BrokerSettings(home, port, controllerPort, libsDir, javaCommand, startTimeout, brokerConfigs, clientConfigs);
    }

    /** The same broker with {@code key=value} in its {@code server.properties}, over the generated value if any. */
    public BrokerSettings withBrokerConfig(String key, String value) {
        Map<String, String> more = new HashMap<>(brokerConfigs);
        more.put(key, value);
        return new BrokerSettings(home, port, controllerPort, libsDir, javaCommand, startTimeout, more, clientConfigs);
    }

    /** The same broker reached by clients with {@code key=value} too (a secured listener's TLS and SASL settings). */
    public BrokerSettings withClientConfig(String key, String value) {
        Map<String, String> more = new HashMap<>(clientConfigs);
        more.put(key, value);
        return new BrokerSettings(home, port, controllerPort, libsDir, javaCommand, startTimeout, brokerConfigs, more);
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public Path pidFile() {
        return home.resolve("broker.pid");
    }

    public Path dataDir() {
        return home.resolve("data");
    }

    public Path logsDir() {
        return home.resolve("logs");
    }

    /** The broker's own log (log4j file appender). */
    public Path serverLog() {
        return logsDir().resolve("server.log");
    }

    /** stdout and stderr of the broker process: JVM errors before log4j is up land here. */
    public Path consoleLog() {
        return logsDir().resolve("console.log");
    }

    public Path serverProperties() {
        return home.resolve("server.properties");
    }

    public Path log4jConfig() {
        return home.resolve("log4j2.xml");
    }

    static Path defaultHome() {
        String xdgCache = System.getenv("XDG_CACHE_HOME");
        Path cache = xdgCache != null && !xdgCache.isBlank()
                ? Path.of(xdgCache) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("incidents").resolve("kafka");
    }

    static Path defaultLibsDir() {
        String libs = System.getProperty(LIBS_DIR_PROPERTY);
        if (libs != null && !libs.isBlank()) {
            return Path.of(libs);
        }
        String home = System.getProperty(INCIDENTS_HOME_PROPERTY);
        Path root = home != null && !home.isBlank() ? Path.of(home) : Path.of("").toAbsolutePath();
        Path fromRoot = root.resolve("local-kafka").resolve("target").resolve("kafka-libs");
        // Running from inside the local-kafka module (its tests, an IDE) rather than the repository root.
        Path fromModule = root.resolve("target").resolve("kafka-libs");
        return Files.isDirectory(fromRoot) || !Files.isDirectory(fromModule) ? fromRoot : fromModule;
    }

    /** The java running this code: the broker gets the same JDK. */
    static Path currentJava() {
        Optional<String> command = ProcessHandle.current().info().command();
        return command.map(Path::of).orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }
}
