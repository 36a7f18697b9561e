package dev.incidents.shipper.cli;

import dev.incidents.shipper.LiveRecorder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code incidents record}: live cluster -> the project's recording format (JSON Lines), for later
 * {@code replay} and {@code ship --from}. Stops after {@code --duration}, or on Ctrl-C with the file complete.
 */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Record the cluster's Events, Pods and Nodes (and their owners) into a recording file for later replay.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:the cluster or the file failed", "2:usage"})
public final class RecordCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "recording file to write ('-' = stdout)")
    Path output;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "stop after this long, e.g. 30m (default: until interrupted)")
    Duration duration;

    @Mixin
    KubeOptions kube = new KubeOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (StopSignal stop = new StopSignal("recorder-shutdown", 10);
             LiveRecorder recorder = LiveRecorder.start(kube.kubeconfig, kube.context, kube.cluster, kube.filter(), output, spec.commandLine().getOut())) {
            // counted from when the informers listed the cluster, not from when we started connecting
            long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            long lines = recorder.run(() -> stop.requested() || System.nanoTime() >= deadline);
            spec.commandLine().getErr().println("recorded " + lines + " changes of cluster " + recorder.cluster() + " to " + output);
            return 0;
        }
    }
}
