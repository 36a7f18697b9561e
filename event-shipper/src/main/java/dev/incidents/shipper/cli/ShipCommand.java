package dev.incidents.shipper.cli;

import dev.incidents.shipper.LiveShipper;
import dev.incidents.shipper.RecordingShipper;
import dev.incidents.shipper.ShipperConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code incidents ship}: live, watch the cluster and produce Events, Pod and Node snapshots to Kafka; with
 * {@code --from}, produce a recording instead, with the recorded event times as record timestamps.
 * Exit status (DESIGN section 7): 0 done, 1 fatal producer error, 2 usage or unreadable input, 3 some records
 * rejected (each reported on stderr as {@code file:line: reason}).
 */
@Command(name = "ship", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Watch the cluster of the current kubeconfig (or --kubeconfig) and produce Events, Pods and Nodes to Kafka.",
                "With --from FILE..., produce a recording (any replay format) instead, keeping the recorded event times."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:fatal producer error", "2:usage or unreadable input", "3:some records rejected (see stderr)"})
public final class ShipCommand implements Callable<Integer> {
    @Mixin
    KubeOptions kube = new KubeOptions();

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080", description = "/healthz, /readyz, /metrics (0 = any free port, -1 = off; default: ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--resync", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "informer resync period (default: ${DEFAULT-VALUE}); unchanged objects ship nothing")
    Duration resync;

    @Option(names = "--from", paramLabel = "FILE", arity = "1..*", description = "produce these recordings (any format replay reads: support bundles, directories) instead of watching a cluster ('-' = stdin)")
    List<Path> from;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0", description = "with --from: records per second (default: as fast as possible)")
    double rate;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (rate < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate must be >= 0");
        }
        if (from != null) {
            return new RecordingShipper(kafka.producer("incidents-ship-from"), kafka.topics(), spec.commandLine().getErr())
                    .ship(from, kube.cluster, rate);
        }
        if (rate > 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate needs --from");
        }
        ShipperConfig config = new ShipperConfig(kube.cluster, kube.kubeconfig, kube.context, kube.filter(), resync,
                kafka.producer("incidents-shipper"), kafka.topics(), httpPort, ShipperConfig.DEFAULT_QUEUE_CAPACITY);
        try (StopSignal stop = new StopSignal("shipper-shutdown", 20);
             LiveShipper shipper = LiveShipper.start(config)) {
            return shipper.run(stop::requested);
        }
    }
}
