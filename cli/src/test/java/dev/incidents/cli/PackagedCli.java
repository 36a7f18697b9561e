package dev.incidents.cli;

import dev.incidents.kafka.BrokerSettings;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/incidents} as the launcher runs it: a JVM of its own on the packaged jar and {@code target/lib}, so a
 * dependency missing from the runtime classpath fails in the test and not on a user's first command, and a test can
 * kill the process as an orchestrator would (failsafe runs after {@code package}, so both are there).
 */
final class PackagedCli {

    private PackagedCli() {
    }

    /** {@code java [jvmOptions] -cp <jar>:target/lib/* dev.incidents.cli.Main [args]}, with the repository as home. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-D" + BrokerSettings.INCIDENTS_HOME_PROPERTY + "=" + Path.of("..").toAbsolutePath().normalize());
        command.add("-cp");
        command.add(jar().toAbsolutePath() + File.pathSeparator + Path.of("target", "lib").toAbsolutePath() + File.separator + "*");
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    private static Path jar() {
        try (var jars = Files.list(Path.of("target"))) {
            return jars.filter(f -> f.getFileName().toString().matches("cli-.*\\.jar")
                    && !f.getFileName().toString().matches(".*-(tests|sources)\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged cli jar in target/: run the package phase first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
