package dev.incidents.kafka;

import dev.incidents.schemas.TopicSpecs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code incidents kafka start|stop|status}: the local development broker (DESIGN.md section 7). Exit status:
 * 0 success, 1 failure (and {@code status} when the broker is down), 2 usage errors.
 */
@Command(name = "kafka", mixinStandardHelpOptions = true,
        description = "The local single-node Kafka broker (KRaft) used by demo and the integration tests.",
        subcommands = {KafkaCommand.Start.class, KafkaCommand.Stop.class, KafkaCommand.Status.class})
public final class KafkaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: start, stop or status");
    }

    /** Where the broker is: the same options on every subcommand, so stop and status find what start started. */
    static final class Location {
        @Option(names = "--port", defaultValue = "9092", description = "client port on 127.0.0.1 (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--controller-port", defaultValue = "9093", description = "KRaft controller port (default: ${DEFAULT-VALUE})")
        int controllerPort;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "config, data, logs and pid file (default: ~/.cache/incidents/kafka)")
        Path dataDir;

        LocalBroker broker(CommandLine commandLine) {
            if (port == controllerPort) {
                throw new CommandLine.ParameterException(commandLine, "--port and --controller-port must differ");
            }
            BrokerSettings settings = BrokerSettings.defaults().withPorts(port, controllerPort);
            return new LocalBroker(dataDir == null ? settings : settings.withHome(dataDir));
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the broker (harmless when it runs), create the topics, print the bootstrap address.")
    static final class Start implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Location location;

        @Option(names = "--partitions", defaultValue = "3", description = "partitions of each topic (default: ${DEFAULT-VALUE})")
        int partitions;

        @Override
        public Integer call() {
            if (partitions < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--partitions must be at least 1");
            }
            LocalBroker broker = location.broker(spec.commandLine());
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                StartReport report = broker.start();
                report.notes().forEach(note -> err.println("kafka: " + note));
                List<String> created = broker.createTopics(TopicSpecs.defaults(partitions));
                err.println(report.alreadyRunning()
                        ? "kafka: already running (pid " + report.pid() + ")"
                        : "kafka: started (pid " + report.pid() + ") in " + report.took().toMillis() + " ms; logs in "
                        + broker.settings().logsDir());
                if (!created.isEmpty()) {
                    err.println("kafka: created topics " + String.join(", ", created));
                }
                out.println(report.bootstrapServers());
                return 0;
            } catch (LocalBrokerException e) {
                err.println("kafka start: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the broker that start started (by its pid file), gracefully then forcibly.")
    static final class Stop implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Location location;

        @Override
        public Integer call() {
            LocalBroker broker = location.broker(spec.commandLine());
            try {
                boolean stopped = broker.stop();
                spec.commandLine().getErr().println(stopped ? "kafka: stopped" : "kafka: was not running");
                return 0;
            } catch (LocalBrokerException e) {
                spec.commandLine().getErr().println("kafka stop: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Exit 0 when the broker runs and answers, 1 when it does not.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Location location;

        @Override
        public Integer call() {
            BrokerStatus status = location.broker(spec.commandLine()).status();
            spec.commandLine().getOut().println("kafka: " + status.detail());
            return status.running() ? 0 : 1;
        }
    }
}
