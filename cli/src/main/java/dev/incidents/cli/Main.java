package dev.incidents.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bin/incidents} root command. It only mounts the verbs that the modules own, so each verb
 * lives next to the code it drives and the shipper and the analyzer still never see each other.
 */
@Command(
        name = "incidents",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Kafka Streams incident analyzer for Kubernetes: ship cluster signals to Kafka, "
                + "correlate them into incidents, and read them.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The root command with every verb mounted; tests execute it in-process. */
    public static CommandLine commandLine() {
        // The environment is read here and only here: INCIDENTS_<OPTION> defaults and INCIDENTS_DEBUG.
        Map<String, String> environment = System.getenv();
        CommandLine cli = new CommandLine(new Main());
        Verbs.mount(cli);
        cli.setDefaultValueProvider(new EnvironmentDefaults(environment));
        cli.setExecutionExceptionHandler(new ErrorReporter(environment.containsKey(ErrorReporter.DEBUG_VARIABLE)));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
