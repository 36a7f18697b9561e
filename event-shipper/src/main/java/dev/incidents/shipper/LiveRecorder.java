package dev.incidents.shipper;

import dev.incidents.recordings.RecordingWriter;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** {@code record} at run time: the same informers as {@code ship}, written to a recording instead of Kafka. */
public final class LiveRecorder implements AutoCloseable {
    private final ShipperMetrics metrics = new ShipperMetrics();
    private final String cluster;
    private final KubernetesClient client;
    private final ClusterWatch watch;
    private final ChangeQueue queue = new ChangeQueue(ShipperConfig.DEFAULT_QUEUE_CAPACITY);
    private final Writer out;
    private final RecordingWriter writer;
    private final Recorder recorder;

    private LiveRecorder(Path kubeconfig, String context, String clusterFlag, WatchFilter filter, Path output, PrintWriter stdout) {
        Config kube = KubeConnection.config(kubeconfig, context);
        this.cluster = KubeConnection.clusterName(clusterFlag, kube);
        this.client = KubeConnection.client(kube, metrics);
        this.out = output.toString().equals("-") ? stdout : open(output);
        this.writer = new RecordingWriter(out, cluster, Clock.systemUTC().instant());
        this.watch = new ClusterWatch(client, filter, ShipperConfig.DEFAULT_RESYNC, queue, Clock.systemUTC());
        this.recorder = new Recorder(writer, cluster, new OwnerIndex(watch), metrics);
    }

    public static LiveRecorder start(Path kubeconfig, String context, String cluster, WatchFilter filter, Path output, PrintWriter stdout) {
        LiveRecorder recorder = new LiveRecorder(kubeconfig, context, cluster, filter, output, stdout);
        try {
            recorder.watch.start(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            recorder.close();
            throw e;
        }
        return recorder;
    }

    /** Records until {@code stop}; returns how many changes were written. */
    public long run(BooleanSupplier stop) {
        queue.drain(recorder::record, this::flush, 1000, stop);
        queue.drainRemaining(recorder::record);
        flush();
        return recorder.written();
    }

    public String cluster() {
        return cluster;
    }

    @Override
    public void close() {
        queue.close();
        watch.close();
        client.close();
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording: " + e.getMessage(), e);
        }
    }

    private static Writer open(Path output) {
        try {
            OutputStream stream = Files.newOutputStream(output);
            return new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }
}
