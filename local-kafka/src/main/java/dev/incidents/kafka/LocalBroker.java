package dev.incidents.kafka;

import dev.incidents.schemas.TopicProvisioner;
import dev.incidents.schemas.TopicProvisioningException;
import dev.incidents.schemas.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) run as a child process from the
 * jars Maven copied to {@code local-kafka/target/kafka-libs}: what {@code bin/incidents kafka}, {@code demo}
 * and the integration tests use. The process outlives the JVM that started it; the pid file in
 * {@link BrokerSettings#home()} is how a later {@code stop} or {@code status} finds it, and {@code stop}
 * never signals any other process.
 */
public final class LocalBroker {
    private static final String MAIN_CLASS = "kafka.Kafka";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final BrokerSettings settings;

    public LocalBroker(BrokerSettings settings) {
        this.settings = settings;
    }

    public BrokerSettings settings() {
        return settings;
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    /**
     * Starts the broker and waits until it answers {@code describeCluster}. Harmless when this directory's
     * broker is already up. Fails with a {@link LocalBrokerException} saying why: busy port, no jars, no
     * java, or the broker exiting or not answering in time (with the tail of its log).
     */
    public synchronized StartReport start() {
        long begin = System.nanoTime();
        List<String> notes = new ArrayList<>();
        Optional<ProcessHandle> running = ownProcess(notes);
        if (running.isPresent()) {
            checkSameListeners(running.get());
            awaitReady(running.get(), begin);
            return new StartReport(true, running.get().pid(), bootstrapServers(), since(begin), notes);
        }
        checkPortFree(settings.port(), "--port");
        checkPortFree(settings.controllerPort(), "--controller-port");
        String classpath = classpath();
        checkJava();
        try {
            BrokerConfigFiles.write(settings);
            if (!Files.exists(settings.dataDir().resolve("meta.properties"))) {
                format(classpath);
                notes.add("formatted new storage in " + settings.dataDir());
            }
        } catch (IOException e) {
            throw new LocalBrokerException("cannot prepare the broker directory " + settings.home() + ": " + e.getMessage(), e);
        }
        Process process = launch(classpath);
        writePidFile(process.pid());
        try {
            awaitReady(process.toHandle(), begin);
        } catch (LocalBrokerException e) {
            process.destroyForcibly();
            deletePidFile();
            throw e;
        }
        return new StartReport(false, process.pid(), bootstrapServers(), since(begin), notes);
    }

    /**
     * Stops the process of the pid file: SIGTERM (a controlled shutdown), then SIGKILL after a grace period.
     * Returns false when there was nothing to stop. A pid file naming a dead process or one that is not a Kafka
     * broker is removed without signalling anything.
     */
    public synchronized boolean stop() {
        Optional<ProcessHandle> running = ownProcess(new ArrayList<>());
        if (running.isEmpty()) {
            return false;
        }
        ProcessHandle process = running.get();
        process.destroy();
        if (!waitForExit(process, STOP_GRACE)) {
            process.destroyForcibly();
            if (!waitForExit(process, Duration.ofSeconds(10))) {
                throw new LocalBrokerException("broker process " + process.pid() + " did not exit after SIGKILL");
            }
        }
        deletePidFile();
        return true;
    }

    /** Whether this directory's broker runs and answers on its bootstrap address. */
    public BrokerStatus status() {
        Optional<ProcessHandle> running = ownProcess(new ArrayList<>());
        if (running.isEmpty()) {
            return new BrokerStatus(false, -1, bootstrapServers(), "not running (no broker process for " + settings.home() + ")");
        }
        long pid = running.get().pid();
        String clusterId = clusterId(PROBE_TIMEOUT);
        if (clusterId == null) {
            return new BrokerStatus(false, pid, bootstrapServers(),
                    "process " + pid + " is alive but does not answer on " + bootstrapServers() + " (starting or stuck; see " + settings.serverLog() + ")");
        }
        return new BrokerStatus(true, pid, bootstrapServers(),
                "running, pid " + pid + ", cluster " + clusterId + ", " + bootstrapServers());
    }

    /**
     * Creates the topics that do not exist yet, with replication factor 1, and returns once the broker serves
     * all of them; returns the names it created.
     */
    public List<String> createTopics(List<TopicSpec> topics) {
        try (Admin admin = admin()) {
            return TopicProvisioner.ensure(admin, topics, (short) 1);
        } catch (TopicProvisioningException e) {
            throw new LocalBrokerException(e.getMessage(), e);
        }
    }

    /**
     * The live process of the pid file, if it is a Kafka broker. A stale pid file (process gone, or the pid
     * reused by something else) is removed and noted.
     */
    private Optional<ProcessHandle> ownProcess(List<String> notes) {
        Path pidFile = settings.pidFile();
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            deletePidFile();
            notes.add("removed unreadable pid file " + pidFile);
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            deletePidFile();
            notes.add("removed stale pid file " + pidFile + " (process " + pid + " is gone)");
            return Optional.empty();
        }
        Optional<String> commandLine = process.get().info().commandLine();
        if (commandLine.isPresent() && !commandLine.get().contains(MAIN_CLASS)) {
            deletePidFile();
            notes.add("removed stale pid file " + pidFile + " (pid " + pid + " is now another program, left alone)");
            return Optional.empty();
        }
        return process;
    }

    /** A running broker of this directory with other ports would never answer here: say so instead of waiting. */
    private void checkSameListeners(ProcessHandle process) {
        String expected = BrokerConfigFiles.serverProperties(settings).lines()
                .filter(line -> line.startsWith("listeners=")).findFirst().orElse("");
        try {
            List<String> written = Files.readAllLines(settings.serverProperties(), StandardCharsets.UTF_8);
            if (!written.contains(expected)) {
                String actual = written.stream().filter(line -> line.startsWith("listeners=")).findFirst().orElse("?");
                throw new LocalBrokerException("the broker of " + settings.home() + " already runs (pid " + process.pid()
                        + ") with " + actual + "; stop it first, or use the same --port and --controller-port");
            }
        } catch (IOException e) {
            // No config to compare with: fall through to waiting for an answer on our port.
        }
    }

    private void awaitReady(ProcessHandle process, long begin) {
        long deadline = begin + settings.startTimeout().toNanos();
        // Wait for the port first: an Admin client polling a closed port logs a warning per attempt.
        while (!portAnswers()) {
            checkAlive(process);
            if (System.nanoTime() > deadline) {
                throw notReady(process);
            }
            sleep(100);
        }
        while (clusterId(Duration.ofSeconds(2)) == null) {
            checkAlive(process);
            if (System.nanoTime() > deadline) {
                throw notReady(process);
            }
            sleep(200);
        }
    }

    private void checkAlive(ProcessHandle process) {
        if (!process.isAlive()) {
            deletePidFile();
            throw new LocalBrokerException("the broker (pid " + process.pid() + ") exited during start; last lines of its logs:\n"
                    + logTail());
        }
    }

    private LocalBrokerException notReady(ProcessHandle process) {
        return new LocalBrokerException("the broker (pid " + process.pid() + ") did not answer on " + bootstrapServers()
                + " within " + settings.startTimeout().toSeconds() + " s; last lines of its logs:\n" + logTail());
    }

    private boolean portAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(BrokerSettings.HOST, settings.port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The cluster id from describeCluster, or null when the broker does not answer in {@code timeout}. */
    private String clusterId(Duration timeout) {
        Map<String, Object> config = new HashMap<>(settings.clientConfigs());
        config.putAll(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 1000L,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 1000L));
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** An Admin client on this broker, with {@link BrokerSettings#clientConfigs()}; the caller closes it. */
    public Admin admin() {
        Map<String, Object> config = new HashMap<>(settings.clientConfigs());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(config);
    }

    private static void checkPortFree(int port, String option) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(BrokerSettings.HOST), port));
        } catch (IOException e) {
            throw new LocalBrokerException("port " + port + " on " + BrokerSettings.HOST + " is already in use by another"
                    + " process; stop it or choose another port with " + option);
        }
    }

    private String classpath() {
        Path libs = settings.libsDir();
        boolean hasBroker;
        try (var files = Files.list(libs)) {
            hasBroker = files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            hasBroker = false;
        }
        if (!hasBroker) {
            throw new LocalBrokerException("no Kafka broker jars in " + libs + "; build them with"
                    + " './mvnw -B -pl local-kafka -am package -DskipTests' (or set -D" + BrokerSettings.LIBS_DIR_PROPERTY + ")");
        }
        return libs.toAbsolutePath() + File.separator + "*";
    }

    private void checkJava() {
        if (!Files.isExecutable(settings.javaCommand())) {
            throw new LocalBrokerException("no java at " + settings.javaCommand() + " to run the broker; install a JDK 17"
                    + " or newer (e.g. apt-get install openjdk-17-jdk-headless)");
        }
    }

    private List<String> javaCommand(String classpath, String... mainAndArgs) {
        List<String> command = new ArrayList<>(List.of(settings.javaCommand().toString(),
                "-Xmx512m", "-Xms128m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + settings.log4jConfig().toAbsolutePath().toUri(),
                "-Dkafka.logs.dir=" + settings.logsDir().toAbsolutePath(),
                "-cp", classpath));
        command.addAll(List.of(mainAndArgs));
        return command;
    }

    /** {@code StorageTool format} with a fresh cluster id (the same {@code Uuid.randomUuid} that {@code random-uuid} prints). */
    private void format(String classpath) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = javaCommand(classpath, "kafka.tools.StorageTool", "format",
                "-t", clusterId, "-c", settings.serverProperties().toAbsolutePath().toString());
        Path output = settings.logsDir().resolve("format.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LocalBrokerException("formatting the broker storage did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new LocalBrokerException("interrupted while formatting the broker storage", e);
        }
        if (process.exitValue() != 0) {
            throw new LocalBrokerException("formatting the broker storage in " + settings.dataDir() + " failed (exit "
                    + process.exitValue() + "):\n" + Files.readString(output, StandardCharsets.UTF_8).strip());
        }
    }

    private Process launch(String classpath) {
        List<String> command = javaCommand(classpath, MAIN_CLASS, settings.serverProperties().toAbsolutePath().toString());
        try {
            File console = settings.consoleLog().toFile();
            return new ProcessBuilder(command)
                    .directory(settings.home().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(console))
                    .start();
        } catch (IOException e) {
            throw new LocalBrokerException("cannot run " + settings.javaCommand() + ": " + e.getMessage(), e);
        }
    }

    private void writePidFile(long pid) {
        try {
            Files.writeString(settings.pidFile(), pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(settings.pidFile());
        } catch (IOException e) {
            throw new LocalBrokerException("cannot remove the pid file " + settings.pidFile() + ": " + e.getMessage(), e);
        }
    }

    private String logTail() {
        StringBuilder tail = new StringBuilder();
        for (Path log : List.of(settings.consoleLog(), settings.serverLog())) {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                if (!lines.isEmpty()) {
                    tail.append("==> ").append(log).append(" <==\n");
                    lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(l -> tail.append(l).append('\n'));
                }
            } catch (IOException e) {
                // A log that does not exist yet has no tail.
            }
        }
        return tail.length() == 0 ? "(no log output)" : tail.toString().strip();
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static Duration since(long begin) {
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalBrokerException("interrupted while waiting for the broker", e);
        }
    }
}
