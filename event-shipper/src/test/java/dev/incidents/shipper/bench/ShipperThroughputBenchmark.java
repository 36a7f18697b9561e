package dev.incidents.shipper.bench;

import dev.incidents.shipper.LiveShipper;
import dev.incidents.shipper.ProducerSettings;
import dev.incidents.shipper.ShipperConfig;
import dev.incidents.shipper.TopicNames;
import dev.incidents.shipper.WatchFilter;
import dev.incidents.shipper.kubeapi.MockApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Objects per second from the mock API server's list+watch through the informers, the mapping and the
 * idempotent lz4 producer, until Kafka acknowledged every Pod snapshot. Not a test; run with a broker up:
 * {@code java -cp <test classpath> dev.incidents.shipper.bench.ShipperThroughputBenchmark [pods] [bootstrap]}.
 */
public final class ShipperThroughputBenchmark {
    /** The loop's CPU cost without any I/O: fabric8 object -> JSON -> PodSnapshot -> fingerprint -> Avro bytes. */
    static void mappingOnly(String template, int count) {
        java.util.List<io.fabric8.kubernetes.api.model.Pod> pods = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            pods.add(GeneratedPods.pod(template, i));
        }
        dev.incidents.shipper.ValueSerializer values = new dev.incidents.shipper.ValueSerializer(java.util.Map.of());
        long[] phase = new long[4];
        for (int round = 0; round < 3; round++) {
            java.util.Arrays.fill(phase, 0);
            for (var pod : pods) {
                long t0 = System.nanoTime();
                var json = dev.incidents.shipper.ObjectJson.of(pod);
                long t1 = System.nanoTime();
                var snapshot = dev.incidents.recordings.KubeObjects.pod(json, "bench", dev.incidents.recordings.OwnerLookup.NONE, java.time.Instant.EPOCH);
                long t2 = System.nanoTime();
                dev.incidents.shipper.ShippedState.fingerprint(snapshot);
                long t3 = System.nanoTime();
                values.serialize("bench", snapshot);
                long t4 = System.nanoTime();
                phase[0] += t1 - t0;
                phase[1] += t2 - t1;
                phase[2] += t3 - t2;
                phase[3] += t4 - t3;
            }
        }
        System.out.printf("mapping only, per pod (3rd round): to JSON %.1f us, KubeObjects.pod %.1f us, fingerprint %.1f us, Avro %.1f us%n",
                phase[0] / 1e3 / count, phase[1] / 1e3 / count, phase[2] / 1e3 / count, phase[3] / 1e3 / count);
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        String bootstrap = args.length > 1 ? args[1] : "127.0.0.1:9092";
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (MockApiServer api = MockApiServer.start(true);
             KubernetesClient client = new KubernetesClientBuilder().withConfig(api.clientConfig()).build()) {
            String template = GeneratedPods.templateJson();
            mappingOnly(template, count);
            for (int i = 0; i < count; i++) {
                client.resource(GeneratedPods.pod(template, i)).create();
            }
            Path kubeconfig = api.writeKubeconfig(Files.createTempFile("bench-kubeconfig", ".yaml"));
            TopicNames topics = new TopicNames("bench-events-" + run, "bench-pods-" + run, "bench-nodes-" + run);
            ShipperConfig config = new ShipperConfig("bench", kubeconfig, null, WatchFilter.ALL, Duration.ofMinutes(10),
                    ProducerSettings.of(bootstrap, null, null, "shipper-bench"), topics, -1, ShipperConfig.DEFAULT_QUEUE_CAPACITY);

            long start = System.nanoTime();
            AtomicBoolean stop = new AtomicBoolean();
            try (LiveShipper shipper = LiveShipper.start(config)) {
                CompletableFuture<Integer> loop = CompletableFuture.supplyAsync(() -> shipper.run(stop::get));
                while (shipper.metrics().value("shipper.objects.shipped", "pod") < count) {
                    if (loop.isDone()) {
                        throw new IllegalStateException("shipper stopped early with exit " + loop.get());
                    }
                    Thread.sleep(5);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("shipped %d pod snapshots (list -> informer -> mapping -> Kafka ack) in %.2f s: %.0f objects/s%n",
                        count, seconds, count / seconds);
                stop.set(true);
                loop.get();
            }
        }
        System.exit(0);
    }
}
