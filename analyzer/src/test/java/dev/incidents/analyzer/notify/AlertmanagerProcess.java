package dev.incidents.analyzer.notify;

import static org.awaitility.Awaitility.await;

import dev.incidents.kafka.testing.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real Alertmanager (Debian package {@code prometheus-alertmanager}) on a free port, with its own storage under
 * {@code target/}, clustering off ({@code --cluster.listen-address=} empty) and a one-receiver config, so it never
 * touches a system instance.
 */
final class AlertmanagerProcess implements AutoCloseable {
    static final String INSTALL = "apt-get install -y prometheus-alertmanager";
    private static final List<String> CANDIDATES = List.of("prometheus-alertmanager", "alertmanager");

    private final Process process;
    final URI url;
    final Path log;

    private AlertmanagerProcess(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** The binary on PATH, or an AssertionError saying how to install it. */
    static Path binary() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .flatMap(dir -> CANDIDATES.stream().map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new AssertionError("Alertmanager is not installed: the notifier's IT runs the real "
                        + "binary. Install it with: " + INSTALL + " (Debian/Ubuntu; .ci/run does this)"));
    }

    static AlertmanagerProcess start(Path dir) throws IOException {
        Path binary = binary();
        Files.createDirectories(dir);
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: nobody
                  group_wait: 1s
                  group_interval: 1s
                receivers:
                  - name: nobody
                """);
        int port = FreePorts.one();
        Path log = dir.resolve("alertmanager.log");
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=", "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AlertmanagerProcess am = new AlertmanagerProcess(process, URI.create("http://127.0.0.1:" + port), log);
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("alertmanager exited: " + Files.readString(log));
            }
            return http.send(HttpRequest.newBuilder(am.url.resolve("/-/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        });
        return am;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
