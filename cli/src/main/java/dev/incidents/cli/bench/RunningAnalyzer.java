package dev.incidents.cli.bench;

import dev.incidents.analyzer.live.AnalyzeCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The real {@code analyze} verb (its option parsing, topic checks, Streams settings, exactly-once v2, HTTP surface)
 * running in this JVM on a thread of its own, its stderr in a log file, until {@link #close()} stops it as SIGTERM
 * would.
 */
final class RunningAnalyzer implements AutoCloseable {
    private final AnalyzeCommand command = new AnalyzeCommand();
    private final Thread thread;
    private final PrintWriter log;
    private volatile int exit = -1;

    private RunningAnalyzer(List<String> args, Path logFile) {
        try {
            this.log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CommandLine cli = new CommandLine(command);
        cli.setErr(log);
        cli.setOut(log);
        this.thread = new Thread(() -> exit = cli.execute(args.toArray(String[]::new)), "bench-" + logFile.getFileName());
        thread.start();
    }

    /**
     * @param extra more {@code analyze} options ({@code --config FILE} for other topic names)
     */
    static RunningAnalyzer start(String bootstrap, String applicationId, Path stateDir, int partitions, Path logFile,
                                 String... extra) {
        List<String> args = new ArrayList<>(List.of("--bootstrap-server", bootstrap, "--application-id", applicationId,
                "--state-dir", stateDir.toString(), "--http-port", "0", "--http-bind", "127.0.0.1",
                "--partitions", Integer.toString(partitions)));
        args.addAll(List.of(extra));
        return new RunningAnalyzer(args, logFile);
    }

    /** Fails when the verb has exited on its own (a broker or topic problem, told in its log). */
    void checkAlive() {
        if (!thread.isAlive()) {
            throw new IllegalStateException("analyze exited " + exit + " before the bench stopped it; see its log");
        }
    }

    @Override
    public void close() throws InterruptedException {
        command.stop();
        thread.join();
        log.close();
    }
}
